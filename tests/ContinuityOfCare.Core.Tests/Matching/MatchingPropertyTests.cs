using ContinuityOfCare.Core.Inputs;
using ContinuityOfCare.Core.Matching;
using ContinuityOfCare.Core.Tests.Planning;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using Xunit;

namespace ContinuityOfCare.Core.Tests.Matching;

/// <summary>Invariants of docs/plan.md "Matching", over generated names and dates.</summary>
public sealed class MatchingPropertyTests
{
    // No C: "Mc" is folded only at the start of a surname's word (docs/plan.md "Name folding"), so a joined-up
    // "…Mc…" is a different spelling by design and outside this property.
    private static readonly Gen<string> Word =
        Gen.Choose(3, 9).SelectMany(length => Gen.ArrayOf(Gen.Elements("ABDEFGHIJKLMNOPRSTUVWY".ToCharArray()), length)).Select(chars => new string(chars));

    private static readonly Gen<LocalDate> Dates = Gen.Choose(0, 45 * 365).Select(days => new LocalDate(1960, 1, 1).PlusDays(days));

    private static readonly Gen<(string Surname, string Forename, LocalDate Dob)> People =
        from surname in Word
        from forename in Word
        from dob in Dates
        select (surname, forename, dob);

    [Fact]
    public void Case_spacing_and_hyphenation_never_change_a_match()
    {
        var cases = (from person in People from part in Word from style in Gen.Elements(0, 1, 2) select (person, part, style)).ToArbitrary();
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(500), Prop.ForAll(cases, c =>
        {
            var ((surname, forename, dob), secondPart, style) = c;
            var index = MatchingIndex.Build([TestWorld.Client(surname: surname + "-" + secondPart, forenames: forename, dob: dob, noms: null)]);
            var listed = style switch
            {
                0 => (Surname: $"  {surname.ToLowerInvariant()}   {secondPart} ", Forenames: forename.ToLowerInvariant()),
                1 => (Surname: surname + secondPart, Forenames: " " + forename + "  "),
                _ => (Surname: $"{surname}'{secondPart}", Forenames: forename),
            };
            var result = index.Match(new PersonParticulars(listed.Surname, listed.Forenames, dob));
            return result.Kind == MatchKind.Matched && result.Rule == MatchRule.NameAndDateOfBirth;
        }));
    }

    [Fact]
    public void A_date_of_birth_one_slip_away_is_held_never_routed()
    {
        var cases = (from person in People from pick in Gen.Choose(0, 1000) select (person, pick)).ToArbitrary();
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(500), Prop.ForAll(cases, c =>
        {
            var ((surname, forename, dob), pick) = c;
            var variants = BirthDateSlips.Variants(dob);
            var slipped = variants[pick % variants.Count];
            var index = MatchingIndex.Build([TestWorld.Client(surname: surname, forenames: forename, dob: dob, noms: null)]);
            var result = index.Match(new PersonParticulars(surname, forename, slipped));
            return result.Kind == MatchKind.Possible && result.Candidates.Count == 1 && result.Candidates[0].Reason.Contains("date of birth", StringComparison.Ordinal);
        }));
    }

    [Fact]
    public void A_different_surname_without_identifiers_is_never_a_match_or_a_hold()
    {
        var cases = (from person in People from other in Word select (person, other)).Where(c => !ParticularsComparer.WithinOneEdit(c.person.Surname, c.other)).ToArbitrary();
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(500), Prop.ForAll(cases, c =>
        {
            var ((surname, forename, dob), otherSurname) = c;
            var index = MatchingIndex.Build([TestWorld.Client(surname: surname, forenames: forename, dob: dob, noms: null)]);
            return index.Match(new PersonParticulars(otherSurname, forename, dob)).Kind == MatchKind.None;
        }));
    }

    [Fact]
    public void The_weight_is_the_sum_of_its_parts()
    {
        var cases = (from person in People from pick in Gen.Choose(0, 1000) select (person, pick)).ToArbitrary();
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), Prop.ForAll(cases, c =>
        {
            var ((surname, forename, dob), pick) = c;
            var variants = BirthDateSlips.Variants(dob);
            var index = MatchingIndex.Build([TestWorld.Client(surname: surname, forenames: forename, dob: dob, noms: null)]);
            var weight = Assert.Single(index.Match(new PersonParticulars(surname, forename, variants[pick % variants.Count])).Candidates).Weight;
            return Math.Abs(weight.Parts.Sum(p => p.Weight) - weight.Total) <= 0.05;
        }));
    }

    [Fact]
    public void Every_variant_is_one_slip_away_and_compares_as_one()
    {
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), Prop.ForAll(Dates.ToArbitrary(), dob =>
            BirthDateSlips.Variants(dob).All(v => v != dob && BirthDateSlips.Compare(v, dob) is BirthDateAgreement.DayMonthSwapped or BirthDateAgreement.OneDay or BirthDateAgreement.OneDigit)));
    }
}
