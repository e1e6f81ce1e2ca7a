using ContinuityOfCare.Core.Directory;
using ContinuityOfCare.Core.Routing;
using ContinuityOfCare.Core.Tests.Planning;
using Xunit;

namespace ContinuityOfCare.Core.Tests.Routing;

/// <summary>docs/domain.md "Routing": home CJIT by register code else postcode district; court CJIT by court; SMT by prison code.</summary>
public class DirectoryRoutesTests
{
    [Theory]
    [InlineData("LS6 2AB", "LS6")]
    [InlineData("ls6 2ab", "LS6")]
    [InlineData("LS62AB", "LS6")]
    [InlineData("WF1 3QQ", "WF1")]
    [InlineData("M1 1AA", "M1")]
    [InlineData("  ", null)]
    [InlineData(null, null)]
    public void Routing_home_CJIT_uses_the_postcode_outward_code(string? postcode, string? district) =>
        Assert.Equal(district, DirectoryRoutes.PostcodeDistrict(postcode));

    [Fact]
    public void Routing_register_cjit_code_wins_over_postcode_coverage()
    {
        var routes = new DirectoryRoutes(TestWorld.Directory());
        Assert.Equal("LEEDS", routes.HomeCjit(TestWorld.Client(cjit: "LEEDS", postcode: "WF1 1AA"))!.OrgCode);
        Assert.Equal("WAKEFIELD", routes.HomeCjit(TestWorld.Client(cjit: null, postcode: "WF1 1AA"))!.OrgCode);
        Assert.Null(routes.HomeCjit(TestWorld.Client(cjit: "NOWHERE")));
    }

    /// <summary>The owning team of a client's tasks and possible matches: home CJIT, else regional team, else the operator.</summary>
    [Theory]
    [InlineData("LEEDS", "WF1 1AA", true, "LEEDS")]
    [InlineData(null, "WF1 1AA", true, "WAKEFIELD")]
    [InlineData(null, "M1 1AA", true, "REGION")]
    [InlineData("NOWHERE", "LS6 2AB", true, "REGION")]
    [InlineData(null, "M1 1AA", false, "OPERATOR")]
    public void Owning_team_is_the_home_CJIT_else_the_regional_team_else_the_operator(string? cjit, string postcode, bool regionalTeam, string owner)
    {
        var directory = TestWorld.Directory();
        if (!regionalTeam)
        {
            directory = new SpocDirectory(directory.Version, [.. directory.Entries.Where(e => e.OrgType != OrgType.RegionalTeam)]);
        }

        var routes = new DirectoryRoutes(directory);
        Assert.Equal(owner, routes.OwningTeam(TestWorld.Client(cjit: cjit, postcode: postcode)));
    }

    [Fact]
    public void Routing_SMT_lookup_needs_an_entry_of_type_PRISON_SMT()
    {
        var routes = new DirectoryRoutes(TestWorld.Directory());
        Assert.Equal(OrgType.PrisonSmt, routes.Smt("lei")!.OrgType);
        Assert.Null(routes.Smt("LEEDS"));
        Assert.Equal("LEEDS", routes.CourtCjit("B13HT")!.OrgCode);
        Assert.True(routes.HasCourtWorker("B13HT"));
        Assert.False(routes.HasCourtWorker("B13WF"));
    }
}
