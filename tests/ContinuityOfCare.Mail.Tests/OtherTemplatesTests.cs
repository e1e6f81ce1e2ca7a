using ContinuityOfCare.Mail.Outbox;
using ContinuityOfCare.Mail.Rendering;
using NodaTime;
using Xunit;

namespace ContinuityOfCare.Mail.Tests;

/// <summary>Escalation emails (docs/domain.md "Escalation") and operator notices use the same versioned-template approach.</summary>
public sealed class OtherTemplatesTests
{
    private static EscalationNotice Escalation() => new(
        2, "CC-2026-000123", "ob-77", "smt.care-plan", "Comprehensive assessment and care plan.",
        Instant.FromUtc(2026, 12, 14, 23, 59, 59), SampleAlerts.WakefieldSmt(), SampleAlerts.WakefieldSmt("manager@hmps.gov.uk"));

    private static readonly Uri Link = new("https://hub.example.gov.uk/ack?t=abc&k=1");

    private static OperatorNotice Notice() => new(
        OperatorNoticeKind.PermanentFailure, "a1b2", "CC-2026-000123", "WDI", "smt.wakefield@hmps.gov.uk", "550 5.1.1 mailbox unavailable", SampleAlerts.SentAt);

    [Fact]
    public void Snapshot_Escalation_Html() =>
        SnapshotAssert.Matches("escalation.html", new EscalationRenderer().Render(Escalation(), Link, Instant.FromUtc(2026, 12, 16, 10, 30)).Html);

    [Fact]
    public void Snapshot_Escalation_Text() =>
        SnapshotAssert.Matches("escalation.txt", new EscalationRenderer().Render(Escalation(), Link, Instant.FromUtc(2026, 12, 16, 10, 30)).Text);

    [Fact]
    public void Escalation_NamesObligationReferenceDueLatenessAndLink()
    {
        var rendered = new EscalationRenderer().Render(Escalation(), Link, Instant.FromUtc(2026, 12, 16, 10, 30));
        Assert.Equal("Overdue (level 2): smt.care-plan for CC-2026-000123", rendered.Subject);
        Assert.Contains("end of Mon 14 Dec 2026", rendered.Text, StringComparison.Ordinal);
        Assert.Contains("1 day 10 hours 30 minutes", rendered.Text, StringComparison.Ordinal);
        Assert.Contains("https://hub.example.gov.uk/ack?t=abc&amp;k=1", rendered.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Escalation_FromAHostThatIssuesNoLink_SaysSoInsteadOfALink()
    {
        var rendered = new EscalationRenderer().Render(Escalation(), null, Instant.FromUtc(2026, 12, 16, 10, 30));
        Assert.Contains(EscalationRenderer.NoLinkText, rendered.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("/ack", rendered.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("/ack", rendered.Html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, "not yet late")]
    [InlineData(30, "less than a minute")]
    [InlineData(60, "1 minute")]
    [InlineData(90061, "1 day 1 hour 1 minute")]
    public void Escalation_LatenessIsElapsedTime(long seconds, string expected) =>
        Assert.Equal(expected, EscalationRenderer.LateBy(Duration.FromSeconds(seconds)));

    [Fact]
    public void Snapshot_OperatorNotice_Text() =>
        SnapshotAssert.Matches("operator-notice.txt", new OperatorNoticeRenderer().Render(Notice()).Text);

    [Fact]
    public void Snapshot_OperatorNotice_Html() =>
        SnapshotAssert.Matches("operator-notice.html", new OperatorNoticeRenderer().Render(Notice()).Html);
}
