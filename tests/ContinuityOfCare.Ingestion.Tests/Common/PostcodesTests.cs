using ContinuityOfCare.Ingestion.Common;
using Xunit;

namespace ContinuityOfCare.Ingestion.Tests.Common;

/// <summary>docs/domain.md "Routing": the home CJIT by postcode district coverage needs normalised postcodes and their districts.</summary>
public class PostcodesTests
{
    [Theory]
    [InlineData("LS6 2AB", "LS6 2AB", "LS6")]
    [InlineData("ls62ab", "LS6 2AB", "LS6")]
    [InlineData("  ls6   2ab ", "LS6 2AB", "LS6")]
    [InlineData("BD10 1XY", "BD10 1XY", "BD10")]
    [InlineData("S1 2AB", "S1 2AB", "S1")]
    [InlineData("EC1A 1BB", "EC1A 1BB", "EC1A")]
    [InlineData("W1A0AX", "W1A 0AX", "W1A")]
    public void RoutingHomeCjit_Postcode_NormalisedAndDistrictExtracted(string text, string normalised, string district)
    {
        Assert.True(Postcodes.TryNormalise(text, out var postcode));
        Assert.Equal(normalised, postcode);
        Assert.Equal(district, Postcodes.District(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("AA1 AA1")]
    [InlineData("LS6 2A")]
    [InlineData("123 456")]
    [InlineData("TestDefendantPostcode")]
    public void RoutingHomeCjit_Malformed_IsNotAPostcode(string? text)
    {
        Assert.False(Postcodes.TryNormalise(text, out _));
        Assert.Null(Postcodes.District(text));
    }

    [Theory]
    [InlineData("ls6", "LS6")]
    [InlineData("BD10", "BD10")]
    public void RoutingHomeCjit_BareDistrict_IsItsOwnDistrict(string text, string district) =>
        Assert.Equal(district, Postcodes.District(text));
}
