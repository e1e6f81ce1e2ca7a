using ContinuityOfCare.Core.Alerts;
using ContinuityOfCare.Mail.Outbox;
using ContinuityOfCare.Mail.Rendering;
using ContinuityOfCare.Mail.Transport;
using ContinuityOfCare.Testing;
using NodaTime;
using Xunit;

namespace ContinuityOfCare.Mail.Tests;

/// <summary>
/// An escalation level's email in the alert outbox (docs/email.md "Outbox"; docs/pipeline.md "Obligations as
/// orchestrations"): queued once by its deterministic id, sent to its own recipient with that id as Message-ID, and
/// delivered by the outbox's own machinery — a late answer from a superseded attempt cannot overwrite the newer state, a
/// repeat is labelled, a permanent refusal fails it with a notice. Real Azurite and maildev (or a scripted relay).
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class EscalationEmailOutboxTests(AzuriteFixture azurite, MaildevFixture maildev) : IClassFixture<MaildevFixture>
{
    private MaildevServer Maildev => maildev.Server;

    private static QueuedEmail Escalation(string id) => new(
        id, OutboxKeys.EscalationKind, "CC-2026-000123", "CJIT01", new MailParty("duty.manager@leeds-cjit.cjsm.net", "Leeds CJIT"),
        new RenderedEmail("Overdue (level 2): cjit.dir-to-prison, ref CC-2026-000123", "<html><body><main><p>Overdue.</p></main></body></html>", "Overdue.", EscalationRenderer.TemplateVersion));

    [Fact]
    public async Task EscalationEmail_QueuedOnceByItsId_SentOnceToItsRecipientWithItsIdAsMessageId()
    {
        using var harness = await OutboxHarness.CreateAsync(azurite, Maildev.SmtpPort);
        var email = Escalation(TestMail.UniqueId("escalation-obl-l2-"));

        Assert.Equal(EnqueueResult.Queued, await harness.Outbox.EnqueueEmailAsync(email, CancellationToken.None));
        Assert.Equal(EnqueueResult.AlreadyQueued, await harness.Outbox.EnqueueEmailAsync(email with { Rendered = email.Rendered with { Text = "changed" } }, CancellationToken.None));
        Assert.Contains(email.Id, await harness.Outbox.PendingAsync(CancellationToken.None));

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => harness.Outbox.SendAsync(email.Id, CancellationToken.None)));
        Assert.Equal(1, results.Count(r => r == DispatchResult.Sent));
        Assert.Equal(DispatchResult.AlreadySent, await harness.Outbox.SendAsync(email.Id, CancellationToken.None));

        var delivered = Assert.Single(await Maildev.WaitForEmailsAsync(e => e.MessageId == TestMail.MessageIdOf(email.Id), expected: 2, TimeSpan.FromSeconds(2)));
        Assert.Equal(["duty.manager@leeds-cjit.cjsm.net"], delivered.To);
        Assert.Equal(email.Rendered.Subject, delivered.Subject);
        Assert.Equal("Overdue.", delivered.Text?.Trim());
        var entry = (await harness.Outbox.GetAsync(email.Id, CancellationToken.None))!;
        Assert.Equal(AlertStatus.Sent, entry.Status);
        Assert.Equal(EscalationRenderer.TemplateVersion, entry.TemplateVersion);
        // Not an Alert Form: the day index of sent forms does not count it.
        Assert.Equal(0, await harness.SentTodayAsync());
    }

    [Fact]
    public async Task EscalationEmail_LateAnswerOfASupersededAttempt_DoesNotOverwriteTheNewerAttemptsState()
    {
        OutboxHarness? harness = null;
        var email = Escalation(TestMail.UniqueId("escalation-late-l1-"));
        DispatchResult? newer = null;
        // The first attempt hands the message over, then stalls past the in-flight timeout: meanwhile the sweep judges it
        // dead and a newer attempt repeats it and records Sent. Only then does the first attempt's (late) answer arrive.
        harness = await OutboxHarness.CreateAsync(azurite, Maildev.SmtpPort, decorate: inner => new LateAnswerSender(inner, async () =>
        {
            harness!.Clock.Advance(Duration.FromTimeSpan(OutboxHarness.InFlightTimeout) + Duration.FromSeconds(1));
            Assert.Equal(1, await harness.Outbox.ReconcileAsync(CancellationToken.None));
            newer = await harness.Outbox.SendAsync(email.Id, CancellationToken.None);
        }));
        using var owned = harness;
        await harness.Outbox.EnqueueEmailAsync(email, CancellationToken.None);

        var late = await harness.Outbox.SendAsync(email.Id, CancellationToken.None);

        Assert.Equal(DispatchResult.Sent, newer);
        Assert.Equal(DispatchResult.InFlightElsewhere, late);
        var entry = (await harness.Outbox.GetAsync(email.Id, CancellationToken.None))!;
        Assert.Equal(AlertStatus.Sent, entry.Status);
        Assert.Equal(1, entry.Repeats);
        Assert.Equal(2, entry.AttemptCount);
        Assert.Equal(250, entry.SmtpCode);
        var copies = await Maildev.WaitForEmailsAsync(e => e.MessageId == TestMail.MessageIdOf(email.Id), expected: 2);
        Assert.Equal(2, copies.Count);
        // The repeat says so, naming what it repeats; the operator is told once.
        Assert.Single(copies, c => c.Text!.Contains("This may repeat the email sent at", StringComparison.Ordinal));
        // Worded for an escalation email, and not counted with the Alert Forms' repeats.
        Assert.Equal(OperatorNoticeKind.EscalationRepeated, Assert.Single(await harness.NoticesAsync()).Kind);
    }

    [Fact]
    public async Task EscalationEmail_RefusedForGood_FailsWithAnEscalationUndeliveredNoticeAndIsNotRetried()
    {
        await using var server = ScriptedSmtpServer.AnsweringRecipient(_ => "550 5.1.1 mailbox unavailable");
        using var harness = await OutboxHarness.CreateAsync(azurite, server.Port);
        var email = Escalation(TestMail.UniqueId("escalation-refused-l2-"));
        await harness.Outbox.EnqueueEmailAsync(email, CancellationToken.None);

        Assert.Equal(DispatchResult.Failed, await harness.Outbox.SendAsync(email.Id, CancellationToken.None));
        Assert.Equal(DispatchResult.AlreadyFinal, await harness.Outbox.SendAsync(email.Id, CancellationToken.None));

        Assert.Equal(AlertStatus.Failed, (await harness.Outbox.GetAsync(email.Id, CancellationToken.None))!.Status);
        Assert.DoesNotContain(email.Id, await harness.Outbox.PendingAsync(CancellationToken.None));
        var notice = Assert.Single(await harness.NoticesAsync());
        Assert.Equal(OperatorNoticeKind.EscalationUndelivered, notice.Kind);
        Assert.Equal(email.Id, notice.AlertId);
        Assert.StartsWith("the relay refused it permanently: 550", notice.Detail, StringComparison.Ordinal);
        Assert.Equal(1, server.Messages);
        // The address is a directory entry's (level 2: its escalation address): flagged there, as a form's would be.
        Assert.Equal(1, await harness.Flags.CountAsync("CJIT01", CancellationToken.None));
    }

    /// <summary>
    /// A bounce reported for an escalation email (matched by its ENVID, the email id) raises a notice worded for an
    /// escalation — its own kind, so the pages counting bounced Alert Forms do not count it — and flags the entry.
    /// </summary>
    [Fact]
    public async Task EscalationEmail_Bounced_EscalationBouncedNoticeWordedForAnEscalation_EntryFlagged()
    {
        using var harness = await OutboxHarness.CreateAsync(azurite, Maildev.SmtpPort);
        var email = Escalation(TestMail.UniqueId("escalation-bounced-l1-"));
        await harness.Outbox.EnqueueEmailAsync(email, CancellationToken.None);
        Assert.Equal(DispatchResult.Sent, await harness.Outbox.SendAsync(email.Id, CancellationToken.None));

        Assert.Equal(email.Id, await harness.Outbox.FindAlertIdAsync(email.Id, null, CancellationToken.None));
        Assert.True(await harness.Outbox.RecordDeliveryReportAsync(email.Id, DeliveryState.Bounced, "5.1.1 user unknown", CancellationToken.None));

        var notice = Assert.Single(await harness.NoticesAsync());
        Assert.Equal(OperatorNoticeKind.EscalationBounced, notice.Kind);
        Assert.Equal(email.Id, notice.AlertId);
        Assert.Equal(1, await harness.Flags.CountAsync("CJIT01", CancellationToken.None));
        var rendered = new OperatorNoticeRenderer().Render(notice);
        Assert.Contains("escalation email did not arrive", rendered.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Alert Form", rendered.Text, StringComparison.Ordinal);
        Assert.True((await harness.Outbox.GetAsync(email.Id, CancellationToken.None))!.IsEscalation);
    }

    /// <summary>Every notice kind an escalation email raises is worded for an escalation, never for an Alert Form.</summary>
    [Theory]
    [InlineData(OperatorNoticeKind.EscalationRepeated, "escalation email was sent again")]
    [InlineData(OperatorNoticeKind.EscalationUnconfirmed, "escalation email got no reply")]
    [InlineData(OperatorNoticeKind.EscalationBounced, "escalation email did not arrive")]
    [InlineData(OperatorNoticeKind.EscalationUndelivered, "escalation email could not go")]
    public void EscalationNotices_WordedForAnEscalation(OperatorNoticeKind kind, string wording)
    {
        var rendered = new OperatorNoticeRenderer().Render(
            new OperatorNotice(kind, "escalation-obl-1-l1", "CC-2026-000123", "CJIT01", "spoc@leeds-cjit.cjsm.net", "detail", Instant.FromUtc(2026, 12, 29, 9, 30)));

        Assert.Contains(wording, rendered.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Alert Form", rendered.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Alert Form", rendered.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EscalationEmail_Withdrawn_OnlyWhileNoSenderHasTouchedIt()
    {
        using var harness = await OutboxHarness.CreateAsync(azurite, Maildev.SmtpPort);
        var untouched = Escalation(TestMail.UniqueId("escalation-withdraw-l1-"));
        var sent = Escalation(TestMail.UniqueId("escalation-kept-l1-"));
        await harness.Outbox.EnqueueEmailAsync(untouched, CancellationToken.None);
        await harness.Outbox.EnqueueEmailAsync(sent, CancellationToken.None);
        Assert.Equal(DispatchResult.Sent, await harness.Outbox.SendAsync(sent.Id, CancellationToken.None));

        Assert.True(await harness.Outbox.WithdrawAsync(untouched.Id, CancellationToken.None));
        Assert.False(await harness.Outbox.WithdrawAsync(untouched.Id, CancellationToken.None));
        Assert.False(await harness.Outbox.WithdrawAsync(sent.Id, CancellationToken.None));

        Assert.Null(await harness.Outbox.GetAsync(untouched.Id, CancellationToken.None));
        Assert.Equal(DispatchResult.NotFound, await harness.Outbox.SendAsync(untouched.Id, CancellationToken.None));
        Assert.Equal(AlertStatus.Sent, (await harness.Outbox.GetAsync(sent.Id, CancellationToken.None))!.Status);
    }

    /// <summary>
    /// The first send really happens, then <paramref name="meanwhile"/> runs (a newer attempt) before the first returns a
    /// transient failure: the late answer that would put the row back to Pending. Later sends pass straight through.
    /// </summary>
    private sealed class LateAnswerSender(IMailSender inner, Func<Task> meanwhile) : IMailSender
    {
        private int _sends;

        public Task<SmtpDeliveryOutcome> SendAsync(OutgoingEmail email, CancellationToken cancellationToken) => SendAsync(email, null, cancellationToken);

        public async Task<SmtpDeliveryOutcome> SendAsync(OutgoingEmail email, SmtpAttemptObserver? attempts, CancellationToken cancellationToken)
        {
            var outcome = await inner.SendAsync(email, attempts, cancellationToken);
            if (Interlocked.Increment(ref _sends) > 1)
            {
                return outcome;
            }

            await meanwhile();
            return SmtpDeliveryOutcome.Transient(451, "451 4.4.2 late answer of a superseded attempt");
        }
    }
}
