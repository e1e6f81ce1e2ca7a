using ContinuityOfCare.Core.Matching;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using Xunit;

namespace ContinuityOfCare.Core.Tests.Matching;

/// <summary>The index build's four name keys at once (shared prefixes) are the keys lookups compute one by one.</summary>
public class NameKeyTests
{
    [Fact]
    public void Matching_name_keys_at_once_equal_the_keys_one_by_one()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<string>(), ArbMap.Default.ArbFor<string>(), Gen.Choose(0, 40_000).ToArbitrary(), (surname, forename, days) =>
        {
            surname ??= string.Empty;
            forename ??= string.Empty;
            var dob = new LocalDate(1900, 1, 1).PlusDays(days);
            var keys = NameKey.NameKeys(surname, forename, dob);
            return keys.SurnameAndDate == NameKey.SurnameAndDate(surname, dob)
                && keys.Full == NameKey.Full(surname, forename, dob)
                && keys.FirstForenameAndDate == NameKey.FirstForenameAndDate(forename, dob)
                && keys.NameOnly == NameKey.NameOnly(surname, forename);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Matching_plain_name_folding_agrees_with_the_general_rules()
    {
        var nameLike = Gen.Elements('a', 'M', 'c', 'C', 's', 'S', 't', 'T', 'z', ' ', ' ', '-', '\'', 'é', '1').ArrayOf().Select(chars => new string(chars));
        Prop.ForAll(nameLike.ToArbitrary(), name =>
        {
            Span<char> buffer = stackalloc char[64];
            var surname = NameFolding.TryFoldPlainSurname(name, buffer);
            var surnameAgrees = surname < 0 || buffer[..surname].SequenceEqual(NameFolding.Surname(name));
            var forename = NameFolding.TryFoldPlainFirstForename(name, buffer);
            var words = NameFolding.Forenames(name);
            var forenameAgrees = forename < 0 || (words.Length > 0 && buffer[..forename].SequenceEqual(words[0]));
            return surnameAgrees && forenameAgrees;
        }).QuickCheckThrowOnFailure();
    }

    [Theory]
    [InlineData("Smith", "SMITH")]
    [InlineData("smith", "SMITH")]
    [InlineData("McDonald", null)]
    [InlineData("st", null)]
    [InlineData("Stone", "STONE")]
    [InlineData("O'Brien", null)]
    [InlineData("Llewellyn Jones", null)]
    public void Matching_plain_surname_folding_takes_only_the_plain_spellings(string surname, string? folded)
    {
        Span<char> buffer = stackalloc char[64];
        var length = NameFolding.TryFoldPlainSurname(surname, buffer);
        Assert.Equal(folded, length < 0 ? null : new string(buffer[..length]));
    }
}
