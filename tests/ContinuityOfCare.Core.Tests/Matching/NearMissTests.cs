using ContinuityOfCare.Core.Inputs;
using ContinuityOfCare.Core.Matching;
using ContinuityOfCare.Core.Tests.Planning;
using NodaTime;
using Xunit;

namespace ContinuityOfCare.Core.Tests.Matching;

/// <summary>docs/plan.md "What is held": near misses are held with their reason and weight, never dropped, never routed.</summary>
public class NearMissTests
{
    private static readonly LocalDate Dob = new(1980, 3, 4);

    public static TheoryData<string, string, string, string> Rows => new()
    {
        // listed forenames, listed date of birth, expected kind, expected reason ("" for none)
        { "John", "1980-04-03", "Possible", "date of birth day and month swapped" },
        { "John", "1980-03-05", "Possible", "date of birth differs by one day" },
        { "John", "1980-03-07", "Possible", "date of birth differs in one digit" },
        { "John", "1986-03-04", "Possible", "date of birth differs in one digit" },
        { "Jon", "1980-03-04", "Possible", "surname and date of birth agree; forename is a listed variant" },
        { "John Peter", "1980-03-07", "Possible", "middle names differ; date of birth differs in one digit" }, // first forename agrees, two differences
        { "Jon", "1980-04-03", "None", "" },                                                   // variant and DOB swapped: two differences without the first forename
        { "John", "1981-04-04", "None", "" },                                                  // two digits
        { "John", "1975-08-02", "None", "" },                                                  // unrelated date
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Near_miss_is_held_with_its_reason_or_is_a_stranger(string forenames, string dob, string kind, string reason)
    {
        var index = MatchingIndex.Build([TestWorld.Client(forenames: "John Alan", dob: Dob, noms: null)]);
        var date = Date(dob);
        var result = index.Match(new PersonParticulars("Smith", forenames, date));
        Assert.Equal(kind, result.Kind.ToString());
        if (result.Kind == MatchKind.Possible)
        {
            var candidate = Assert.Single(result.Candidates);
            Assert.Equal(reason, candidate.Reason);
            Assert.True(candidate.Weight.Total >= MatchWeightModel.HoldThreshold);
            Assert.Equal(["prior", "surname", "forename", "middleNames", "dateOfBirth"], candidate.Weight.Parts.Select(p => p.Field));
        }
    }

    [Fact]
    public void Same_name_slips_are_found_alike_for_a_name_few_clients_share_and_for_one_many_share()
    {
        // The index finds a name's clients on a slipped date by the name when few share it, by each slipped date when
        // many do (more than there are slips): both must find the same clients.
        var slips = new[] { ("SWAP", new LocalDate(1980, 4, 3)), ("DAY", new LocalDate(1980, 3, 5)), ("DIGIT", new LocalDate(1980, 3, 7)) };
        var fillers = Enumerable.Range(0, 5000).Select(i => TestWorld.Client($"F-{i}", surname: $"Filler{i}", forenames: "Anne", dob: new LocalDate(1970, 1, 1).PlusDays(i), noms: null));
        var sameNameFarDates = Enumerable.Range(0, 60).Select(i => TestWorld.Client($"FAR-{i}", surname: "Quixote", forenames: "Zebedee", dob: new LocalDate(1950, 6, 1).PlusDays(i), noms: null));
        var slipClients = slips.Select(s => TestWorld.Client(s.Item1, surname: "Quixote", forenames: "Zebedee", dob: s.Item2, noms: null)).ToList();
        var few = MatchingIndex.Build([.. fillers, .. slipClients]);
        var many = MatchingIndex.Build([.. fillers, .. sameNameFarDates, .. slipClients]);
        var record = new PersonParticulars("Quixote", "Zebedee", Dob);

        var fromFew = few.Match(record).Candidates.Select(c => (c.Client.Id, c.Reason)).ToList();
        var fromMany = many.Match(record).Candidates.Select(c => (c.Client.Id, c.Reason)).ToList();

        Assert.Equal(["DAY", "DIGIT", "SWAP"], fromFew.Select(c => c.Id));
        Assert.Equal(fromFew, fromMany);
    }

    [Fact]
    public void A_common_name_one_digit_out_is_a_stranger_where_a_rare_one_is_held()
    {
        // docs/plan.md "Match weight": term frequencies from the register. 3000 John Smiths make the same slip weak evidence.
        var register = Enumerable.Range(0, 3000)
            .Select(i => TestWorld.Client($"S-{i}", forenames: "John", dob: new LocalDate(1950 + (i % 40), 3 + (i / 40 % 10), 10), noms: null))
            .Append(TestWorld.Client("RARE", surname: "Quixote", forenames: "Zebedee", dob: Dob, noms: null))
            .ToList();
        var index = MatchingIndex.Build(register);
        var common = register[1500];
        var commonSlip = index.Match(new PersonParticulars("Smith", "John", common.DateOfBirth.PlusDays(20)));   // day 10 → 30: one digit
        var rareSlip = index.Match(new PersonParticulars("Quixote", "Zebedee", new LocalDate(1980, 3, 7)));
        Assert.Equal(MatchKind.None, commonSlip.Kind);
        Assert.Equal(MatchKind.Possible, rareSlip.Kind);
        Assert.Equal("RARE", Assert.Single(rareSlip.Candidates).Client.Id);
    }

    [Fact]
    public void Partial_date_of_birth_supports_an_agreeing_name_and_never_matches()
    {
        var index = MatchingIndex.Build([TestWorld.Client(dob: Dob, noms: null)]);
        var agreeing = index.Match(new PersonParticulars("Smith", "John", null, PartialDateOfBirth: new PartialDate(1980, 3)));
        var disagreeing = index.Match(new PersonParticulars("Smith", "John", null, PartialDateOfBirth: new PartialDate(1981, null)));
        Assert.Equal(MatchKind.Possible, agreeing.Kind);
        Assert.Equal("name agrees; only part of the date of birth is given, and it agrees", Assert.Single(agreeing.Candidates).Reason);
        Assert.Equal(MatchKind.None, disagreeing.Kind);
    }

    [Fact]
    public void A_masked_Crown_defendant_is_matched_by_a_NOMS_shaped_PrisonerID_and_never_by_name()
    {
        var index = MatchingIndex.Build([TestWorld.Client(dob: Dob, noms: "A1234BC")]);
        var byPrisonerId = index.Match(new PersonParticulars(null, null, Dob, Noms: TestWorld.Noms("A1234BC"), NameUsableForMatching: false));
        var byNameOnly = index.Match(new PersonParticulars("Smith", "John", Dob, NameUsableForMatching: false));
        Assert.Equal(MatchRule.NomsNumber, byPrisonerId.Rule);
        Assert.Equal(MatchKind.None, byNameOnly.Kind);
    }

    [Fact]
    public void Two_clients_agreeing_on_first_forename_surname_and_dob_are_both_held()
    {
        var index = MatchingIndex.Build([TestWorld.Client("C-1", forenames: "John", dob: Dob, noms: null), TestWorld.Client("C-2", forenames: "John Paul", dob: Dob, noms: null)]);
        var result = index.Match(new PersonParticulars("Smith", "John", Dob));
        Assert.Equal(MatchKind.Possible, result.Kind);
        Assert.Equal(["C-1", "C-2"], result.Candidates.Select(c => c.Client.Id));
        Assert.All(result.Candidates, c => Assert.Equal("several clients have the same name and date of birth", c.Reason));
    }

    [Fact]
    public void An_exact_agreement_is_held_when_another_client_is_a_near_miss()
    {
        // The listing could be C-2 with day and month swapped, which happens to give C-1's particulars exactly.
        var index = MatchingIndex.Build([TestWorld.Client("C-1", dob: new LocalDate(1980, 4, 3), noms: null), TestWorld.Client("C-2", dob: Dob, noms: null)]);
        var result = index.Match(new PersonParticulars("Smith", "John", new LocalDate(1980, 4, 3)));
        Assert.Equal(MatchKind.Possible, result.Kind);
        Assert.Equal(
            [("C-1", "surname, first forename and date of birth agree, but another client is a near miss"), ("C-2", "date of birth day and month swapped")],
            result.Candidates.Select(c => (c.Client.Id, c.Reason)));
    }

    private static LocalDate Date(string iso) => NodaTime.Text.LocalDatePattern.Iso.Parse(iso).Value;
}
