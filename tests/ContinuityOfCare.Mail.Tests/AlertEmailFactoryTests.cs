using ContinuityOfCare.Mail.Rendering;
using Microsoft.Extensions.Options;
using NodaTime;
using Xunit;

namespace ContinuityOfCare.Mail.Tests;

public sealed class AlertEmailFactoryTests
{
    /// <summary>Records what it was asked for and answers a fixed link.</summary>
    private sealed class RecordingIssuer : IAcknowledgementLinkIssuer
    {
        public List<(string ObligationId, Instant Now)> Calls { get; } = [];

        public Uri? LinkFor(string obligationId, Instant now)
        {
            Calls.Add((obligationId, now));
            return new Uri("https://hub.example/api/ack/" + obligationId);
        }
    }

    [Fact]
    public void Create_AcknowledgementLinks_AFormThatAsksForAnObligationCarriesTheLinkIssuedForItAtSendTime()
    {
        var issuer = new RecordingIssuer();
        var factory = new AlertEmailFactory(new AlertFormRenderer(), Options.Create(TestMail.Smtp(2525)), issuer);

        var email = factory.Create(SampleAlerts.Transfer(), SampleAlerts.SentAt);

        Assert.Equal([("ob-77", SampleAlerts.SentAt)], issuer.Calls);
        Assert.Contains("When done, confirm here: https://hub.example/api/ack/ob-77", email.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_AcknowledgementLinks_NoLinkIsIssuedForAFormThatAsksNothing()
    {
        var issuer = new RecordingIssuer();
        var factory = new AlertEmailFactory(new AlertFormRenderer(), Options.Create(TestMail.Smtp(2525)), issuer);

        var email = factory.Create(SampleAlerts.ReleaseWithoutPersonalDetails(), SampleAlerts.SentAt);

        Assert.Empty(issuer.Calls);
        Assert.DoesNotContain("confirm here", email.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_AcknowledgementLinks_WithoutAnIssuerTheFormCarriesNoLink()
    {
        var email = TestMail.EmailFactory(TestMail.Smtp(2525)).Create(SampleAlerts.Transfer(), SampleAlerts.SentAt);
        Assert.DoesNotContain("confirm here", email.TextBody, StringComparison.Ordinal);
    }
}
