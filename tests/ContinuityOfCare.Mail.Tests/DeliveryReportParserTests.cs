using ContinuityOfCare.Mail.Bounces;
using Xunit;

namespace ContinuityOfCare.Mail.Tests;

/// <summary>RFC 3464 reports read with MimeKit's MessageDeliveryStatus, after a round trip through their wire form.</summary>
public sealed class DeliveryReportParserTests
{
    [Fact]
    public void Dsn_FailedReportWithEnvelopeIdAndReturnedHeaders_IsRead()
    {
        var wire = RoundTrip(DeliveryReports.For("alert-1", "alert-1@continuity-of-care.hub", "smt@hmps.gov.uk", "failed", "5.1.1", "550 5.1.1 user unknown"));

        var report = DeliveryReportParser.TryParse(wire);

        Assert.NotNull(report);
        Assert.Equal("alert-1", report.EnvelopeId);
        Assert.Equal("alert-1@continuity-of-care.hub", report.OriginalMessageId);
        var recipient = Assert.Single(report.Recipients);
        Assert.Equal(new DeliveryReportRecipient("smt@hmps.gov.uk", "failed", "5.1.1", "smtp; 550 5.1.1 user unknown"), recipient);
    }

    [Fact]
    public void Dsn_PlainMessage_IsNotAReport() => Assert.Null(DeliveryReportParser.TryParse(RoundTrip(DeliveryReports.NotAReport())));

    private static MimeKit.MimeMessage RoundTrip(MimeKit.MimeMessage message)
    {
        using var stream = new MemoryStream();
        message.WriteTo(stream);
        stream.Position = 0;
        return MimeKit.MimeMessage.Load(stream);
    }
}
