using ContinuityOfCare.Ingestion.Common;
using Xunit;

namespace ContinuityOfCare.Ingestion.Tests.Common;

/// <summary>docs/formats.md "Common rules": ASN validated (a documented well-formedness check; invalid → reported, not used).</summary>
public class ArrestSummonsNumberTests
{
    [Theory]
    [InlineData("2601ZD010000448754K", "2601ZD010000448754K")]
    [InlineData("26/01ZD/01/0000448754K", "2601ZD010000448754K")]
    [InlineData("26 01ZD 01 0000448754 k", "2601ZD010000448754K")]
    [InlineData("2613LS0040271234A", "2613LS0040271234A")]
    public void Asn_WellFormed_IsNormalised(string text, string normalised)
    {
        Assert.True(ArrestSummonsNumber.TryNormalise(text, out var asn, out var error), error);
        Assert.Equal(normalised, asn);
    }

    [Theory]
    [InlineData("ABC1234")] // HMCTS sample value: too short, no year
    [InlineData("ABC1234567D")]
    [InlineData("2601ZD0100004487541")] // no check letter
    [InlineData("XX01ZD010000448754K")] // no year
    [InlineData("2601ZD01000044875412345K")] // too long
    [InlineData("")]
    [InlineData(null)]
    public void Asn_Malformed_IsRejectedWithoutQuotingIt(string? text)
    {
        Assert.False(ArrestSummonsNumber.TryNormalise(text, out _, out var error));
        Assert.Equal("ASN is not 16–20 letters and digits starting with a two-digit year and ending with a check letter", error);
    }
}
