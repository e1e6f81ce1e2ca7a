using ContinuityOfCare.Core.Identifiers;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace ContinuityOfCare.Core.Tests.Identifiers;

/// <summary>docs/domain.md "Matching": CRO <c>NNNNNN/YYC</c> with the PNC's check character.</summary>
public class CroNumberTests
{
    private const string Alphabet = "ZABCDEFGHJKLMNPQRTUVWXY";

    [Theory]
    [InlineData("012345/99Z", "012345/99Z")]
    [InlineData("12345/99Z", "012345/99Z")] // leading zeros of the serial may be omitted
    [InlineData(" 583160/08q ", "583160/08Q")]
    public void DomainMatching_ValidCro_ParsesToCanonicalForm(string text, string canonical)
    {
        Assert.True(CroNumber.TryParse(text, out var cro, out var error), error);
        Assert.Equal(canonical, cro.Value);
    }

    [Theory]
    [InlineData("012345/99J", "CRO number check character is wrong")]
    [InlineData("583160/08R", "CRO number check character is wrong")]
    [InlineData("0123456/99Z", "CRO number is not of the form NNNNNN/YYC")]
    [InlineData("012345/1999Z", "CRO number is not of the form NNNNNN/YYC")]
    [InlineData("CRO", "CRO number is not of the form NNNNNN/YYC")]
    [InlineData("", "CRO number is not of the form NNNNNN/YYC")]
    public void DomainMatching_InvalidCro_IsRejected(string text, string reason)
    {
        Assert.False(CroNumber.TryParse(text, out _, out var error));
        Assert.Equal(reason, error);
    }

    [Fact]
    public void DomainMatching_CreateThenTryParse_RoundTrips()
    {
        Prop.ForAll(Gen.Choose(0, 99).ToArbitrary(), Gen.Choose(0, 999_999).ToArbitrary(), (year, serial) =>
        {
            var created = CroNumber.Create(year, serial);
            return CroNumber.TryParse(created.Value, out var parsed, out _) && parsed == created;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void DomainMatching_AnyOtherCheckCharacter_IsRejected()
    {
        Prop.ForAll(Gen.Choose(0, 99).ToArbitrary(), Gen.Choose(0, 999_999).ToArbitrary(), Gen.Elements(Alphabet.ToCharArray()).ToArbitrary(), (year, serial, wrong) =>
        {
            var created = CroNumber.Create(year, serial);
            return created.Value[^1] == wrong || !CroNumber.TryParse(created.Value[..^1] + wrong, out _, out _);
        }).QuickCheckThrowOnFailure();
    }
}
