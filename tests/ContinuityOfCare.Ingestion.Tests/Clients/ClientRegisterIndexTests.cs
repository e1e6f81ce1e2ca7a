using ContinuityOfCare.Core.Clients;
using ContinuityOfCare.Core.Inputs;
using ContinuityOfCare.Core.Matching;
using ContinuityOfCare.Ingestion.Clients;
using ContinuityOfCare.Ingestion.Tests.Common;
using Xunit;

namespace ContinuityOfCare.Ingestion.Tests.Clients;

/// <summary>
/// docs/benchmarks.md "Planning": reading the register straight into the matching index (a columnar register) must
/// give what reading it into clients and indexing those gives — the same clients in the same order, the same matches,
/// and the same rejections and warnings.
/// </summary>
public class ClientRegisterIndexTests
{
    private const string Header = "client_id,surname,forenames,date_of_birth,gender,pnc,cro,noms_number,home_postcode,cjit_code,current_prison,release_date,consent,consent_scope,consent_date,legal_basis,ppo";

    private static readonly string[] Rows =
    [
        "CL1,Taylor,Dean Anthony,1983-01-02,male,2004/0046583U,012345/99Z,A1234BC,LS6 2AB,LDSCJ,LEI,2027-01-08,yes,CJIT;PRISON_SMT,2026-03-01,ROB,yes", // plain
        "CL2,Taylor,Dean,1983-01-02,,04/46583U,12345/99Z,a1234bc,ls62ab,ldscj,lei,,YES,CJIT; PRISON_SMT ;,2026-03-01,rob,YES", // general path, same identifiers
        "CL3,McDonald,Iain,1970-05-06,,,,,,LEEDS,,,no,,,,", // plain, folded by the general rules
        "CL4,Núñez,José,1970-05-06,,,,B2345CD,,LEEDS,,,no,,,,", // not ASCII
        "CL5,Smith,John  Paul,1980-03-14,,,,,,LEEDS,,,no,,,,", // a double space
        "CL6,,John,1980-03-14,,,,,,LEEDS,,,no,,,,", // rejected: no surname
        "CL7,Smith,John,14/03/1980,,,,,,LEEDS,,,no,,,,", // rejected: date
        "CL1,Taylor,Dean,1983-01-02,,,,,,LEEDS,,,no,,,,", // rejected: repeated id
        "CL8,Smith,John,1980-03-14,,2004/0046583V,,,LS99 9ZZZ,LEEDS,LEEDS,,no,,,,", // warnings: PNC check, postcode, prison
        "CL9,Smith,John,1980-03-14,,,,,,LEEDS,,,yes,,,,", // rejected: consent without scope
        "CL10,Smith,Jon,1980-03-15,,,,C3456DE,,LEEDS,,,yes,PROBATION,2025-12-31,RISK,no", // plain
        "CL11,St John,Helen,1975-07-08,,,,,,LEEDS,,,no,,,XX,", // rejected: legal basis
        ",Smith,John,1980-03-14,,,,,,LEEDS,,,no,,,,", // rejected: no id
        "CL12,Smith,John,1980-03-14,,1999/1234567B,,,,LEEDS,,,no,,,,", // plain
    ];

    [Fact]
    public async Task FormatsClientRegister_ReadIntoTheIndex_IsTheSameAsReadIntoClientsThenIndexed()
    {
        var parser = new ClientRegisterCsvParser();
        var csv = TestInput.Lines([Header, .. Rows]);
        var viaClients = await TestInput.CollectAsync(parser.ParseAsync(TestInput.Utf8(csv), TestInput.Source));
        var expected = MatchingIndex.Build(viaClients.Records);

        var direct = await parser.LoadIndexAsync(TestInput.Utf8(csv), TestInput.Source);

        Assert.Null(direct.FileRejection);
        Assert.Equal(Describe(viaClients.Rejections), Describe(direct.Rejections));
        Assert.Equal(Describe(viaClients.Warnings), Describe(direct.Warnings));
        Assert.NotEmpty(direct.Rejections);
        Assert.NotEmpty(direct.Warnings);
        Assert.Equal(viaClients.Records.Count, direct.Index.Count);
        Assert.Equal(viaClients.Records.Select(Describe), Enumerable.Range(0, direct.Index.Count).Select(p => Describe(direct.Index.ClientAt(p))));
        foreach (var client in viaClients.Records)
        {
            foreach (var person in new[]
            {
                new PersonParticulars(client.Surname, client.Forenames, client.DateOfBirth),
                new PersonParticulars(client.Surname, client.Forenames, client.DateOfBirth.PlusDays(1)),
                new PersonParticulars(null, null, client.DateOfBirth, client.Pnc, client.Cro, client.Noms),
            })
            {
                Assert.Equal(Describe(expected.Match(person)), Describe(direct.Index.Match(person)));
            }
        }
    }

    [Fact]
    public async Task FormatsClientRegister_ReadIntoTheIndex_RefusesAWholeFileAsTheParserDoes()
    {
        var parser = new ClientRegisterCsvParser();
        var csv = TestInput.Lines("client_id,surname", "CL1,Smith");

        var direct = await parser.LoadIndexAsync(TestInput.Utf8(csv), TestInput.Source);
        var viaClients = await TestInput.CollectAsync(parser.ParseAsync(TestInput.Utf8(csv), TestInput.Source));

        Assert.NotNull(direct.FileRejection);
        Assert.Equal(viaClients.FileRejection, direct.FileRejection);
        Assert.Equal(0, direct.Index.Count);
    }

    // Each read shares one consent per (scope, date) among its own rows, so two reads' consents are equal by value, not by instance.
    private static string Describe(Client client) =>
        $"{client with { Consent = Consent.None }} {client.Consent.Given} {string.Join(';', client.Consent.Scope.Order())} {client.Consent.Date}";

    private static string[] Describe(IEnumerable<Rejection> rejections) => [.. rejections.Select(r => $"{r.Where} {r.IsWarning} {r.Reason}")];

    private static string Describe(MatchResult result) =>
        $"{result.Kind} {result.Client?.Id} {result.Rule} {result.Reason} [" +
        string.Join("; ", result.Candidates.Select(c => $"{c.Client.Id} {c.Reason} {c.Weight.Total}")) + "]";
}
