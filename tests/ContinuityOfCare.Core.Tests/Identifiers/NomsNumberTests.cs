using ContinuityOfCare.Core.Identifiers;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace ContinuityOfCare.Core.Tests.Identifiers;

/// <summary>docs/domain.md "Matching": NOMS <c>^[A-Z]\d{4}[A-Z]{2}$</c>.</summary>
public class NomsNumberTests
{
    [Theory]
    [InlineData("A1234BC", "A1234BC")]
    [InlineData(" a1234bc ", "A1234BC")]
    [InlineData("Z0000ZZ", "Z0000ZZ")]
    public void DomainMatching_ValidNoms_ParsesUpperCase(string text, string canonical)
    {
        Assert.True(NomsNumber.TryParse(text, out var noms, out _));
        Assert.Equal(canonical, noms.Value);
    }

    [Theory]
    [InlineData("A123BC")]
    [InlineData("A12345BC")]
    [InlineData("11234BC")]
    [InlineData("A1234B1")]
    [InlineData("A1234BCD")]
    [InlineData("A 1234BC")]
    [InlineData("")]
    [InlineData(null)]
    public void DomainMatching_InvalidNoms_IsRejectedWithoutQuotingIt(string? text)
    {
        Assert.False(NomsNumber.TryParse(text, out _, out var error));
        Assert.Equal("NOMS number is not of the form A1234BC", error);
    }

    [Fact]
    public void DomainMatching_EveryWellFormedNoms_RoundTrips()
    {
        var letter = Gen.Elements("ABCDEFGHIJKLMNOPQRSTUVWXYZ".ToCharArray());
        var gen = from a in letter
                  from digits in Gen.Choose(0, 9999)
                  from b in letter
                  from c in letter
                  select $"{a}{digits:0000}{b}{c}";
        Prop.ForAll(gen.ToArbitrary(), text => NomsNumber.TryParse(text.ToLowerInvariant(), out var noms, out _) && noms.Value == text)
            .QuickCheckThrowOnFailure();
    }
}
