using Xunit;

namespace ContinuityOfCare.Infra.Tests;

/// <summary>The Bicep reader the invariant tests rely on reads what it should and refuses what it cannot read.</summary>
public sealed class InfraFilesTests
{
    [Fact]
    public void StringsOfVar_State_ReadsTheListsAndFollowsReferences()
    {
        const string sample = "var aNames = [\n  'x'\n  'y'\n]\n\nvar bNames = concat(aNames, [\n  'z'\n])\n\nresource r 'T@1' = {}";

        Assert.Equal(["z", "x", "y"], InfraFiles.StringsOfVar(sample, "bNames"));
        Assert.Throws<InvalidOperationException>(() => InfraFiles.StringsOfVar(sample, "cNames"));
        Assert.Throws<InvalidOperationException>(() => InfraFiles.StringsOfVar("var loopNames = concat(loopNames, [])\n", "loopNames"));
        // A declaration ends at the next one even without a blank line between them.
        Assert.Equal(["a"], InfraFiles.StringsOfVar("var xNames = [\n  'a'\n]\nvar yNames = concat(xNames, [\n  'b'\n])\n", "xNames"));
    }
}
