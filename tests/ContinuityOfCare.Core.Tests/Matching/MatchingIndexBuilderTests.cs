using ContinuityOfCare.Core.Clients;
using ContinuityOfCare.Core.Directory;
using ContinuityOfCare.Core.Identifiers;
using ContinuityOfCare.Core.Inputs;
using ContinuityOfCare.Core.Matching;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using Xunit;

namespace ContinuityOfCare.Core.Tests.Matching;

/// <summary>
/// docs/benchmarks.md "Planning": the columnar register (rows added as <see cref="CompactClient"/>s, names folded from
/// stack buffers) must be the same index as one built from the clients themselves — the same clients at the same
/// positions and, for any person, the same match result with the same candidates in the same order.
/// </summary>
public class MatchingIndexBuilderTests
{
    // Few names and dates, so that lookups find several clients; spellings that take the general folding rules too.
    private static readonly string[] Surnames = ["Smith", "SMITH", "smith", "Jones", "McDonald", "MacDonald", "St John", "O'Brien", "Núñez", "Llewellyn-Jones", "st", "Mc", "Li"];
    private static readonly string[] Forenames = ["John", "john paul", "JOHN", "Jon", "J", "Paul John", "Zofia", "Żofia", "Mary  Ann", " Ann", "Kate", "Katherine"];
    private static readonly Consent Given = new(true, new HashSet<OrgType> { OrgType.Cjit }, new LocalDate(2026, 1, 2));

    [Fact]
    public void Matching_columnar_register_gives_the_same_clients_and_matches_as_the_clients_themselves()
    {
        Prop.ForAll(Gen.Choose(0, int.MaxValue).ToArbitrary(), seed =>
        {
            var random = new Random(seed);
            var rows = Enumerable.Range(0, 300).Select(i => Row(random, i)).ToArray();
            var columnar = new MatchingIndexBuilder();
            var mixed = new MatchingIndexBuilder();
            for (var i = 0; i < rows.Length; i++)
            {
                columnar.Add(rows[i]);
                if (i % 3 == 0)
                {
                    mixed.Add(rows[i].ToClient());
                }
                else
                {
                    mixed.Add(rows[i]);
                }
            }

            var expected = MatchingIndex.Build(rows.Select(r => r.ToClient()));
            var indexes = new[] { columnar.Build(), mixed.Build() };
            var people = rows.Take(60).SelectMany(r => People(r, random)).ToList();
            return indexes.All(index =>
                index.Count == expected.Count
                && Enumerable.Range(0, rows.Length).All(p => index.ClientAt(p) == expected.ClientAt(p))
                && people.All(person => Describe(index.Match(person)) == Describe(expected.Match(person))));
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Matching_index_finds_a_client_by_id_and_only_a_known_one()
    {
        var builder = new MatchingIndexBuilder();
        builder.Add(Row(new Random(1), 1));
        builder.Add(Row(new Random(2), 2));
        var index = builder.Build();

        Assert.Equal("CL2", index.FindClient("CL2")?.Id);
        Assert.Null(index.FindClient("CL3"));
    }

    private static CompactClient Row(Random random, int i)
    {
        var dob = new LocalDate(1980, 1, 1).PlusDays(random.Next(20));
        return new CompactClient(
            $"CL{i}", Surnames[random.Next(Surnames.Length)], Forenames[random.Next(Forenames.Length)], dob,
            random.Next(2) == 0 ? null : "female",
            random.Next(3) == 0 ? CompactIdentifiers.None : CompactIdentifiers.PackPnc(1990 + random.Next(3), random.Next(5)),
            random.Next(3) == 0 ? CompactIdentifiers.None : CompactIdentifiers.PackCro(random.Next(3), random.Next(5)),
            random.Next(3) == 0 ? CompactIdentifiers.None : (random.Next(4) * 676) + random.Next(3),
            random.Next(2) == 0 ? null : "LS6 2AB", "LEEDS", random.Next(4) == 0 ? "LEI" : null,
            random.Next(5) == 0 ? dob.PlusYears(40) : null, random.Next(4) == 0 ? Consent.None : Given,
            random.Next(4) == 0 ? LegalBasis.RiskOfHarm : null, random.Next(2) == 0);
    }

    // The client as listed, with a slip, without a name, and by identifiers alone.
    private static IEnumerable<PersonParticulars> People(CompactClient row, Random random)
    {
        var client = row.ToClient();
        yield return new PersonParticulars(client.Surname, client.Forenames, client.DateOfBirth);
        yield return new PersonParticulars(client.Surname, client.Forenames, client.DateOfBirth.PlusDays(random.Next(-1, 2)));
        yield return new PersonParticulars(Surnames[random.Next(Surnames.Length)], Forenames[random.Next(Forenames.Length)], null,
            PartialDateOfBirth: null);
        yield return new PersonParticulars(null, null, client.DateOfBirth, Noms: client.Noms, Pnc: client.Pnc, Cro: client.Cro);
        yield return new PersonParticulars("Other", client.Forenames, client.DateOfBirth, Pnc: client.Pnc);
    }

    private static string Describe(MatchResult result) =>
        $"{result.Kind} {result.Client?.Id} {result.Rule} {result.Reason} [" +
        string.Join("; ", result.Candidates.Select(c => $"{c.Client.Id} {c.Reason} {c.Weight.Total}")) + "]";
}
