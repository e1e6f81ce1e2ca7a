using ContinuityOfCare.Core.Routing;
using Xunit;

namespace ContinuityOfCare.Core.Tests.Routing;

/// <summary>architecture.md "Security rules": secure-mail allow-list with exact domain-boundary matching.</summary>
public class SecureMailPolicyTests
{
    private static readonly SecureMailPolicy Policy = new(["cjsm.net", "nhs.net", "gov.uk"]);

    [Theory]
    [InlineData("team@cjsm.net", true)]
    [InlineData("team@leeds.cjsm.net", true)]
    [InlineData("TEAM@LEEDS.CJSM.NET", true)]
    [InlineData("smt@hmps.gsi.gov.uk", true)]
    [InlineData("team@nhs.net", true)]
    [InlineData("team@evilcjsm.net", false)]
    [InlineData("team@cjsm.net.example.com", false)]
    [InlineData("team@gmail.com", false)]
    [InlineData("a@b@cjsm.net", false)]
    [InlineData("no-at-sign", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Security_allow_list_matches_on_domain_boundaries(string? email, bool allowed) =>
        Assert.Equal(allowed, Policy.Allows(email));
}
