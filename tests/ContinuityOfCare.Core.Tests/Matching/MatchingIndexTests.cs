using ContinuityOfCare.Core.Clients;
using ContinuityOfCare.Core.Identifiers;
using ContinuityOfCare.Core.Inputs;
using ContinuityOfCare.Core.Matching;
using ContinuityOfCare.Core.Tests.Planning;
using NodaTime;
using Xunit;

namespace ContinuityOfCare.Core.Tests.Matching;

/// <summary>docs/domain.md "Matching": each cascade step, and each near miss that must become a possible match.</summary>
public class MatchingIndexTests
{
    private static readonly LocalDate Dob = new(1980, 3, 14);
    private static readonly PncId Pnc = PncId.Create(2004, 46583);
    private static readonly CroNumber Cro = CroNumber.Create(99, 12345);

    private static MatchingIndex Index(params Client[] clients) => MatchingIndex.Build(clients);

    [Fact]
    public void Matching_step1_exact_NOMS_matches_even_with_different_name()
    {
        var index = Index(TestWorld.Client());
        var result = index.Match(new PersonParticulars("Different", "Name", null, Noms: TestWorld.Noms("A1234BC")));
        Assert.Equal(MatchKind.Matched, result.Kind);
        Assert.Equal("C-1", result.Client!.Id);
    }

    [Theory]
    [InlineData("Smith", null, true)]      // surname agrees
    [InlineData("Other", "1980-03-14", true)] // DOB agrees
    [InlineData("Other", "1990-01-01", false)] // neither: possible only
    public void Matching_step1_PNC_needs_surname_or_dob_to_agree(string surname, string? dob, bool matched)
    {
        var index = Index(TestWorld.Client(noms: null, pnc: Pnc));
        var person = new PersonParticulars(surname, "John", dob is null ? null : NodaTime.Text.LocalDatePattern.Iso.Parse(dob).Value, Pnc: Pnc);
        var result = index.Match(person);
        Assert.Equal(matched ? MatchKind.Matched : MatchKind.Possible, result.Kind);
        if (!matched)
        {
            Assert.Contains("neither surname nor date of birth", Assert.Single(result.Candidates).Reason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Matching_step1_CRO_with_dob_agreeing_matches()
    {
        var index = Index(TestWorld.Client(noms: null, cro: Cro));
        var result = index.Match(new PersonParticulars("Other", null, Dob, Cro: Cro));
        Assert.Equal(MatchKind.Matched, result.Kind);
    }

    [Theory]
    [InlineData("SMITH", "john")]
    [InlineData("smith ", " John")]
    [InlineData("Smith", "JOHN")]
    public void Matching_step2_exact_name_and_dob_after_normalisation_matches(string surname, string forenames)
    {
        var index = Index(TestWorld.Client(noms: null));
        var result = index.Match(TestWorld.Person(surname, forenames, Dob, noms: null));
        Assert.Equal(MatchKind.Matched, result.Kind);
    }

    [Fact]
    public void Matching_step2_accents_hyphens_and_apostrophes_are_ignored()
    {
        var index = Index(TestWorld.Client(surname: "O'Brien-Núñez", forenames: "Zoë", noms: null));
        var result = index.Match(TestWorld.Person("obrien nunez", "ZOE", Dob, noms: null));
        Assert.Equal(MatchKind.Matched, result.Kind);
    }

    [Theory]
    [InlineData(1980, 4, 3, "day and month swapped")]      // client 1980-03-04
    [InlineData(1980, 3, 5, "differs by one day")]
    [InlineData(1980, 3, 3, "differs by one day")]
    public void Matching_step3_lenient_dob_is_a_possible_match(int year, int month, int day, string reason)
    {
        var index = Index(TestWorld.Client(noms: null, dob: new LocalDate(1980, 3, 4)));
        var result = index.Match(TestWorld.Person(dob: new LocalDate(year, month, day), noms: null));
        Assert.Equal(MatchKind.Possible, result.Kind);
        Assert.Contains(reason, Assert.Single(result.Candidates).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Matching_step3_surname_and_dob_with_the_forename_initial_only_is_a_possible_match()
    {
        var index = Index(TestWorld.Client(noms: null));
        var result = index.Match(TestWorld.Person(forenames: "J", noms: null));
        Assert.Equal(MatchKind.Possible, result.Kind);
        Assert.Contains("forename initial only", Assert.Single(result.Candidates).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Matching_surname_and_dob_with_unrelated_forenames_is_a_stranger()
    {
        // docs/plan.md "What is held": John / Peter with the same surname and DOB is a coincidence at register scale.
        var index = Index(TestWorld.Client(noms: null));
        Assert.Equal(MatchKind.None, index.Match(TestWorld.Person(forenames: "Peter", noms: null)).Kind);
    }

    [Fact]
    public void Matching_step3_two_clients_equally_matched_are_both_possible()
    {
        var index = Index(TestWorld.Client("C-1", noms: null), TestWorld.Client("C-2", noms: null));
        var result = index.Match(TestWorld.Person(noms: null));
        Assert.Equal(MatchKind.Possible, result.Kind);
        Assert.Equal(["C-1", "C-2"], result.Candidates.Select(c => c.Client.Id));
    }

    [Fact]
    public void Matching_no_similarity_is_no_match()
    {
        var index = Index(TestWorld.Client(noms: null));
        Assert.Equal(MatchKind.None, index.Match(TestWorld.Person("Jones", "Mary", new LocalDate(1990, 7, 7), noms: null)).Kind);
    }

    [Fact]
    public void Matching_masked_Crown_defendant_is_never_matched_by_name()
    {
        var index = Index(TestWorld.Client(noms: null));
        var masked = TestWorld.Person(noms: null) with { NameUsableForMatching = false };
        Assert.Equal(MatchKind.None, index.Match(masked).Kind);
    }

    [Fact]
    public void Matching_masked_Crown_defendant_matches_on_identifier_corroborated_by_dob_only()
    {
        var index = Index(TestWorld.Client(noms: null, pnc: Pnc));
        var corroborated = new PersonParticulars("Smith", "John", Dob, Pnc: Pnc, NameUsableForMatching: false);
        var surnameOnly = new PersonParticulars("Smith", "John", new LocalDate(1999, 1, 1), Pnc: Pnc, NameUsableForMatching: false);
        Assert.Equal(MatchKind.Matched, index.Match(corroborated).Kind);
        Assert.Equal(MatchKind.Possible, index.Match(surnameOnly).Kind);
    }

    [Fact]
    public void Matching_identifiers_pointing_to_different_clients_are_possible_not_matched()
    {
        var index = Index(TestWorld.Client("C-1", noms: "A1234BC"), TestWorld.Client("C-2", surname: "Jones", noms: null, pnc: Pnc));
        var person = new PersonParticulars("Jones", "John", Dob, Pnc: Pnc, Noms: TestWorld.Noms("A1234BC"));
        var result = index.Match(person);
        Assert.Equal(MatchKind.Possible, result.Kind);
        Assert.Equal(2, result.Candidates.Count);
    }
}
