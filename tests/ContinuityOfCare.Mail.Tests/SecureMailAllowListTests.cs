using ContinuityOfCare.Mail.Recipients;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace ContinuityOfCare.Mail.Tests;

/// <summary>architecture.md "Security rules": the secure-mail allow-list matches whole domain labels.</summary>
public sealed class SecureMailAllowListTests
{
    private static readonly SecureMailAllowList Defaults = new([]);

    [Theory]
    [InlineData("spoc@cjsm.net", true)]
    [InlineData("spoc@leeds.cjsm.net", true)]
    [InlineData("SPOC@Leeds.NHS.net", true)]
    [InlineData("smt@hmps.gsi.gov.uk", true)]
    [InlineData("smt@justice.gov.uk.", true)]
    [InlineData("smt@evil-nhs.net", false)]
    [InlineData("smt@nhs.net.evil.com", false)]
    [InlineData("smt@notgov.uk", false)]
    [InlineData("smt@gmail.com", false)]
    [InlineData("Name <smt@nhs.net>", false)]
    [InlineData("not an address", false)]
    [InlineData("", false)]
    public void SecurityRules_DefaultAllowList(string address, bool allowed) =>
        Assert.Equal(allowed, Defaults.Allows(address));

    [Fact]
    public void SecurityRules_ConfiguredListReplacesTheDefaults()
    {
        var list = new SecureMailAllowList(["Example.ORG."]);
        Assert.True(list.Allows("a@team.example.org"));
        Assert.False(list.Allows("a@nhs.net"));
    }

    [Fact]
    public void SecurityRules_AnyLabelGluedToAnAllowedDomainWithoutADotIsRefused() =>
        Prop.ForAll(
            Gen.Elements("evil", "x", "my-", "not", "a1").ToArbitrary(),
            Gen.Elements("cjsm.net", "nhs.net", "gov.uk").ToArbitrary(),
            (prefix, domain) => !Defaults.Allows($"someone@{prefix}{domain}") && Defaults.Allows($"someone@{prefix.TrimEnd('-')}.{domain}"))
        .QuickCheckThrowOnFailure();
}
