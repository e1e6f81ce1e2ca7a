using ContinuityOfCare.Ingestion.CourtLists;
using Xunit;

namespace ContinuityOfCare.Ingestion.Tests.CourtLists;

/// <summary>formats.md §1: the court code is a sidecar value; the file-name convention is <c>&lt;COURTCODE&gt;__&lt;anything&gt;.json</c>.</summary>
public class CourtListFileNameTests
{
    [Theory]
    [InlineData("B01LY__2026-11-23.json", "B01LY")]
    [InlineData("/inbox/court-lists/b13ls__morning.json", "B13LS")]
    [InlineData("439__2026-12-24.json", "439")]
    public void FormatsCourtLists_FileNameConvention_GivesTheCourtCode(string name, string code)
    {
        Assert.True(CourtListFileName.TryGetCourtCode(name, out var courtCode));
        Assert.Equal(code, courtCode);
    }

    [Theory]
    [InlineData("B01LY_2026-11-23.json")]
    [InlineData("list.json")]
    [InlineData("__2026.json")]
    [InlineData("B0-1LY__x.json")]
    [InlineData(null)]
    public void FormatsCourtLists_OtherNames_CarryNoCourtCode(string? name) =>
        Assert.False(CourtListFileName.TryGetCourtCode(name, out _));
}
