using ContinuityOfCare.Core.Clients;
using ContinuityOfCare.Core.Directory;
using ContinuityOfCare.Core.Inputs;
using ContinuityOfCare.Ingestion.Clients;
using ContinuityOfCare.Ingestion.Tests.Common;
using NodaTime;
using Xunit;

namespace ContinuityOfCare.Ingestion.Tests.Clients;

/// <summary>formats.md §5: the client register.</summary>
public class ClientRegisterCsvParserTests
{
    private const string Header = "client_id,surname,forenames,date_of_birth,gender,pnc,cro,noms_number,home_postcode,cjit_code,current_prison,release_date,consent,consent_scope,consent_date,legal_basis,ppo";

    private static readonly ClientRegisterCsvParser Parser = new();

    private static async Task<ContinuityOfCare.Ingestion.Common.IngestionResult<Client>> ParseAsync(params string[] rows) =>
        await TestInput.CollectAsync(Parser.ParseAsync(TestInput.Utf8(TestInput.Lines([Header, .. rows])), TestInput.Source));

    [Fact]
    public async Task FormatsClientRegister_FullRow_ReadsEveryColumn()
    {
        var result = await ParseAsync("CL1,Taylor,Dean Anthony,1983-01-02,male,04/46583U,012345/99Z,a1234bc,ls62ab,ldscj,lei,2027-01-08,YES,CJIT;PRISON_SMT,2026-03-01,ROB,yes");

        Assert.Empty(result.Warnings);
        var client = Assert.Single(result.Records);
        Assert.Equal("CL1", client.Id);
        Assert.Equal("Taylor", client.Surname);
        Assert.Equal("Dean Anthony", client.Forenames);
        Assert.Equal(new LocalDate(1983, 1, 2), client.DateOfBirth);
        Assert.Equal("male", client.Gender);
        Assert.Equal("2004/0046583U", client.Pnc?.Value);
        Assert.Equal("012345/99Z", client.Cro?.Value);
        Assert.Equal("A1234BC", client.Noms?.Value);
        Assert.Equal("LS6 2AB", client.HomePostcode);
        Assert.Equal("LDSCJ", client.CjitCode);
        Assert.Equal("LEI", client.CurrentPrison);
        Assert.Equal(new LocalDate(2027, 1, 8), client.ReleaseDate);
        Assert.True(client.Consent.Given);
        Assert.Equal([OrgType.Cjit, OrgType.PrisonSmt], client.Consent.Scope.Order());
        Assert.Equal(new LocalDate(2026, 3, 1), client.Consent.Date);
        Assert.Equal(LegalBasis.RestrictionOnBail, client.LegalBasis);
        Assert.True(client.Ppo);
    }

    /// <summary>
    /// docs/benchmarks.md "Planning": a row in plain canonical spelling is read on the fast path, one with any cell in
    /// another accepted spelling on the general path; both must give the same client.
    /// </summary>
    [Theory]
    [InlineData("CL2,Taylor,Dean Anthony,1983-01-02,male,04/46583U,012345/99Z,A1234BC,LS6 2AB,LDSCJ,LEI,2027-01-08,yes,CJIT;PRISON_SMT,2026-03-01,ROB,yes")]
    [InlineData("CL2,Taylor,Dean Anthony,1983-01-02,male,2004/0046583U,012345/99Z,a1234bc,LS6 2AB,LDSCJ,LEI,2027-01-08,yes,CJIT;PRISON_SMT,2026-03-01,ROB,yes")]
    [InlineData("CL2,Taylor,Dean Anthony,1983-01-02,male,2004/0046583U,012345/99Z,A1234BC,LS6 2AB,LDSCJ,LEI,2027-01-08,yes,CJIT; PRISON_SMT ;,2026-03-01,ROB,yes")]
    [InlineData("CL2,Taylor,Dean Anthony,1983-01-02,male,2004/0046583U,012345/99Z,A1234BC,ls62ab,ldscj,lei,2027-01-08,YES,CJIT;PRISON_SMT,2026-03-01,rob,YES")]
    public async Task FormatsClientRegister_PlainAndGeneralPaths_ReadTheSameClient(string equivalentRow)
    {
        var result = await ParseAsync(
            "CL1,Taylor,Dean Anthony,1983-01-02,male,2004/0046583U,012345/99Z,A1234BC,LS6 2AB,LDSCJ,LEI,2027-01-08,yes,CJIT;PRISON_SMT,2026-03-01,ROB,yes",
            equivalentRow);

        Assert.Empty(result.Warnings);
        Assert.Empty(result.Rejections);
        Assert.Equal(2, result.Records.Count);
        var (plain, general) = (result.Records[0], result.Records[1]);
        Assert.Equal(plain with { Id = "CL2", Consent = general.Consent }, general);
        Assert.Equal(plain.Consent.Given, general.Consent.Given);
        Assert.Equal(plain.Consent.Date, general.Consent.Date);
        Assert.Equal(plain.Consent.Scope.Order(), general.Consent.Scope.Order());
    }

    [Fact]
    public async Task FormatsClientRegister_PlainRowsWithTheSameConsent_ShareOneConsent()
    {
        var result = await ParseAsync(
            "CL1,Taylor,Dean,1983-01-02,,,,,,,,,yes,CJIT,2026-03-01,,",
            "CL2,Jones,Amy,1990-05-06,,,,,,,,,yes,CJIT,2026-03-01,,",
            "CL3,Jones,Amy,1990-05-06,,,,,,,,,yes,CJIT,2026-03-02,,");

        Assert.Equal(3, result.Records.Count);
        Assert.Same(result.Records[0].Consent, result.Records[1].Consent);
        Assert.NotSame(result.Records[0].Consent, result.Records[2].Consent);
        Assert.Equal(new NodaTime.LocalDate(2026, 3, 2), result.Records[2].Consent.Date);
    }

    [Fact]
    public async Task FormatsClientRegister_MinimalRow_OptionalColumnsBlank()
    {
        var result = await ParseAsync("CL1,Taylor,Dean,1983-01-02,,,,,,,,,no,,,,");

        var client = Assert.Single(result.Records);
        Assert.Same(Consent.None, client.Consent);
        Assert.Null(client.LegalBasis);
        Assert.False(client.Ppo);
        Assert.Null(client.Pnc);
        Assert.Null(client.HomePostcode);
    }

    [Fact]
    public async Task FormatsClientRegister_DuplicateClientId_SecondAndLaterRowsRejectedNamingTheFirstLine()
    {
        var result = await ParseAsync(
            "CL1,Taylor,Dean,1983-01-02,,,,,,,,,no,,,,",
            "CL2,Shaw,Emma,1990-05-06,,,,,,,,,no,,,,",
            "CL1,Taylor,Dean,1983-01-02,,,,,,,,,no,,,,",
            "CL1,Taylor,Dane,1983-01-02,,,,,,,,,no,,,,");

        Assert.Equal(["CL1", "CL2"], result.Records.Select(c => c.Id));
        Assert.Equal(
            [new Rejection(new SourceRef(TestInput.Source, Line: 4), "client_id repeats the client_id of line 2"), new Rejection(new SourceRef(TestInput.Source, Line: 5), "client_id repeats the client_id of line 2")],
            result.Rejections);
    }

    [Theory]
    [InlineData("CL1,Taylor,Dean,1983-01-02,,,,,,,,,yes,,2026-03-01,,", "consent_scope is required when consent is yes")]
    [InlineData("CL1,Taylor,Dean,1983-01-02,,,,,,,,,yes,;,2026-03-01,,", "consent_scope is required when consent is yes")]
    [InlineData("CL1,Taylor,Dean,1983-01-02,,,,,,,,,yes,CJIT;GP,2026-03-01,,", "consent_scope has an entry that is not one of CJIT, PRISON_SMT, PROBATION, REGIONAL_TEAM")]
    [InlineData("CL1,Taylor,Dean,1983-01-02,,,,,,,,,yes,CJIT,,,", "consent_date is required when consent is yes")]
    [InlineData("CL1,Taylor,Dean,1983-01-02,,,,,,,,,yes,CJIT,01/03/2026,,", "consent_date is not a date (YYYY-MM-DD)")]
    [InlineData("CL1,Taylor,Dean,1983-01-02,,,,,,,,,maybe,,,,", "consent is not yes or no")]
    [InlineData("CL1,Taylor,Dean,1983-01-02,,,,,,,,,,,,,", "consent is required (yes or no)")]
    [InlineData("CL1,Taylor,Dean,1983-01-02,,,,,,,,,no,,,COURT,", "legal_basis is not one of RA, ROB, RISK")]
    [InlineData("CL1,Taylor,Dean,1983-01-02,,,,,,,,,no,,,,Y", "ppo is not yes or no")]
    [InlineData("CL1,Taylor,Dean,02/01/1983,,,,,,,,,no,,,,", "date_of_birth is not a date (YYYY-MM-DD)")]
    [InlineData("CL1,,Dean,,,,,,,,,,no,,,,", "surname is required; date_of_birth is required")]
    [InlineData(",Taylor,Dean,1983-01-02,,,,,,,,,no,,,,", "client_id is required")]
    public async Task FormatsClientRegister_BadRow_RejectedWithReasonsThatNeverQuoteValues(string row, string reason)
    {
        var result = await ParseAsync(row, "CL9,Shaw,Emma,1990-05-06,,,,,,,,,no,,,,");

        var rejection = Assert.Single(result.Rejections);
        Assert.Equal(new Rejection(new SourceRef(TestInput.Source, Line: 2), reason), rejection);
        Assert.DoesNotContain("Taylor", rejection.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("1983", rejection.Reason, StringComparison.Ordinal);
        Assert.Equal("CL9", Assert.Single(result.Records).Id);
    }

    [Theory]
    [InlineData("RA", LegalBasis.RequiredAssessment)]
    [InlineData("rob", LegalBasis.RestrictionOnBail)]
    [InlineData("RISK", LegalBasis.RiskOfHarm)]
    public async Task FormatsClientRegister_LegalBasisSpellings(string code, LegalBasis basis)
    {
        var result = await ParseAsync($"CL1,Taylor,Dean,1983-01-02,,,,,,,,,no,,,{code},no");

        Assert.Equal(basis, Assert.Single(result.Records).LegalBasis);
    }

    [Fact]
    public async Task DomainMatching_InvalidIdentifiersAndPostcode_AreWarnedAndNotUsed_ClientKept()
    {
        var result = await ParseAsync("CL1,Taylor,Dean,1983-01-02,,2004/0046583V,012345/99J,A123BC,NOT A POSTCODE,,LEEDS,,no,,,,");

        var client = Assert.Single(result.Records);
        Assert.Null(client.Pnc);
        Assert.Null(client.Cro);
        Assert.Null(client.Noms);
        Assert.Null(client.HomePostcode);
        Assert.Null(client.CurrentPrison);
        Assert.Equal(
            [
                "pnc ignored: PNC id check character is wrong",
                "cro ignored: CRO number check character is wrong",
                "noms_number ignored: NOMS number is not of the form A1234BC",
                "home_postcode ignored: not a UK postcode",
                "current_prison ignored: not a NOMIS prison code (three letters)",
            ],
            result.Warnings.Select(w => w.Reason));
        Assert.All(result.Warnings, w => Assert.Equal(2, w.Where.Line));
    }
}
