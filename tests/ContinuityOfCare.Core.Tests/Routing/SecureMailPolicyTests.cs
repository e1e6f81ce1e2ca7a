using ContinuityOfCare.Core.Routing;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace ContinuityOfCare.Core.Tests.Routing;

/// <summary>architecture.md "Security rules": the one secure-mail allow-list, matching whole domain labels.</summary>
public class SecureMailPolicyTests
{
    private static readonly SecureMailPolicy Defaults = SecureMailPolicy.Default;

    [Theory]
    [InlineData("team@cjsm.net", true)]
    [InlineData("team@leeds.cjsm.net", true)]
    [InlineData("TEAM@LEEDS.CJSM.NET", true)]
    [InlineData("SPOC@Leeds.NHS.net", true)]
    [InlineData("smt@hmps.gsi.gov.uk", true)]
    [InlineData("smt@justice.gov.uk.", true)]
    [InlineData("team@nhs.net", true)]
    [InlineData("team@evilcjsm.net", false)]
    [InlineData("smt@evil-nhs.net", false)]
    [InlineData("smt@notgov.uk", false)]
    [InlineData("team@cjsm.net.example.com", false)]
    [InlineData("team@gmail.com", false)]
    [InlineData("a@b@cjsm.net", false)]
    [InlineData("Name <smt@nhs.net>", false)]
    [InlineData("not an address", false)]
    [InlineData("no-at-sign", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void SecurityRules_DefaultAllowList_MatchesOnDomainBoundaries(string? email, bool allowed) =>
        Assert.Equal(allowed, Defaults.Allows(email));

    [Fact]
    public void SecurityRules_ConfiguredListReplacesTheDefaults()
    {
        var options = new SecureMailOptions();
        options.AllowedDomains.Add("Example.ORG.");

        var policy = SecureMailPolicy.FromOptions(options);

        Assert.Equal(["example.org"], policy.Domains);
        Assert.True(policy.Allows("a@team.example.org"));
        Assert.False(policy.Allows("a@nhs.net"));
    }

    [Fact]
    public void SecurityRules_NoConfiguredListMeansTheDefaults() =>
        Assert.Equal(SecureMailPolicy.DefaultDomains, SecureMailPolicy.FromOptions(new SecureMailOptions()).Domains);

    [Fact]
    public void SecurityRules_ADomainRemovedFromTheListIsRefused()
    {
        var options = new SecureMailOptions();
        foreach (var domain in SecureMailPolicy.DefaultDomains.Where(d => d != "nhs.net"))
        {
            options.AllowedDomains.Add(domain);
        }

        var policy = SecureMailPolicy.FromOptions(options);

        Assert.False(policy.Allows("spoc@leeds.nhs.net"));
        Assert.True(policy.Allows("spoc@leeds.cjsm.net"));
    }

    [Fact]
    public void SecurityRules_AnyLabelGluedToAnAllowedDomainWithoutADotIsRefused() =>
        Prop.ForAll(
            Gen.Elements("evil", "x", "my-", "not", "a1").ToArbitrary(),
            Gen.Elements(SecureMailPolicy.DefaultDomains.ToArray()).ToArbitrary(),
            (prefix, domain) => !Defaults.Allows($"someone@{prefix}{domain}") && Defaults.Allows($"someone@{prefix.TrimEnd('-')}.{domain}"))
        .QuickCheckThrowOnFailure();
}
