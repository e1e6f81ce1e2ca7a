using Azure.Data.Tables;
using ContinuityOfCare.Core.Acknowledgements;
using ContinuityOfCare.Core.Alerts;
using ContinuityOfCare.Core.Directory;
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
/// repeat is labelled, a permanent refusal fails it with a notice. Stored as its notice, it is rendered when sent: the
/// acknowledgement link (a credential) is issued then and stored nowhere, and "how late" is as of the send; a row queued
/// rendered by the previous version goes as stored. Real Azurite and maildev (or a scripted relay).
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class EscalationEmailOutboxTests(AzuriteFixture azurite, MaildevFixture maildev) : IClassFixture<MaildevFixture>
{
    private MaildevServer Maildev => maildev.Server;

    /// <summary>Signing keys for the tests' acknowledgement links (test data, not secrets); links valid 14 days.</summary>
    private static readonly AcknowledgementTokens Tokens = new(
        new AcknowledgementKeyRing("k1", [new AcknowledgementKey("k1", Enumerable.Repeat((byte)3, 32).ToArray())]), Duration.FromDays(14));

    /// <summary>Due 3 hours before the harness clock starts.</summary>
    private static readonly Instant Due = SampleAlerts.SentAt - Duration.FromHours(3);

    private static readonly AlertParty LeedsCjit = new("CJIT01", "Leeds CJIT", OrgType.Cjit, null, "duty.manager@leeds-cjit.cjsm.net", null, null);

    private static QueuedEmail Escalation(string id) => QueuedEmail.ForEscalation(
        id, "CJIT01", new MailParty("duty.manager@leeds-cjit.cjsm.net", "Leeds CJIT"),
        new EscalationNotice(2, "CC-2026-000123", "obl-" + id, "cjit.dir-to-prison", "Direct the client to the prison team.", Due, LeedsCjit, LeedsCjit));

    /// <summary>An escalation row as the previous version queued it: rendered, link included.</summary>
    private static QueuedEmail Legacy(string id) => new(
        id, OutboxKeys.EscalationKind, "CC-2026-000123", "CJIT01", new MailParty("duty.manager@leeds-cjit.cjsm.net", "Leeds CJIT"),
        new RenderedEmail("Overdue (level 2): cjit.dir-to-prison, ref CC-2026-000123", "<html><body><main><p>Overdue.</p></main></body></html>", "Overdue.", EscalationRenderer.TemplateVersion));

    /// <summary>Issues real signed links, recording when each was issued.</summary>
    private sealed class TokenLinks : IAcknowledgementLinkIssuer
    {
        public List<Instant> IssuedAt { get; } = [];

        public Uri? LinkFor(string obligationId, Instant now)
        {
            IssuedAt.Add(now);
            return new Uri("https://hub.example.nhs.uk/api/ack/" + Tokens.Issue(obligationId, now).Token);
        }
    }

    [Fact]
    public async Task EscalationEmail_StoredRow_HoldsItsNoticeButNoLinkAndNoRenderedText()
    {
        var links = new TokenLinks();
        using var harness = await OutboxHarness.CreateAsync(azurite, Maildev.SmtpPort, links: links);
        var email = Escalation(TestMail.UniqueId("escalation-stored-l2-"));

        await harness.Outbox.EnqueueEmailAsync(email, CancellationToken.None);

        var row = (await harness.Alerts.GetEntityAsync<TableEntity>(OutboxKeys.Key(email.Id), OutboxKeys.RowKey)).Value;
        var stored = string.Join("\n", row.Select(p => $"{p.Key}={p.Value}"));
        Assert.DoesNotContain("/api/ack/", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("acknowledgement link", stored, StringComparison.OrdinalIgnoreCase);
        Assert.False(row.ContainsKey("Text"));
        Assert.False(row.ContainsKey("Html"));
        Assert.Equal(email.Escalation!.ObligationId, row.GetString("ObligationId"));
        Assert.Equal(2, row.GetInt32("EscalationLevel"));
        // Nothing issued while queueing: the link exists only in the email that is sent.
        Assert.Empty(links.IssuedAt);
    }

    [Fact]
    public async Task EscalationEmail_SentTwoDaysAfterQueueing_HowLateAndLinkAreAsOfTheSend()
    {
        var links = new TokenLinks();
        using var harness = await OutboxHarness.CreateAsync(azurite, Maildev.SmtpPort, links: links);
        var email = Escalation(TestMail.UniqueId("escalation-held-l2-"));
        await harness.Outbox.EnqueueEmailAsync(email, CancellationToken.None);
        // Held through a relay outage, or released by an operator: sent two days later.
        harness.Clock.Advance(Duration.FromDays(2));
        var sentAt = harness.Clock.GetCurrentInstant();

        Assert.Equal(DispatchResult.Sent, await harness.Outbox.SendAsync(email.Id, CancellationToken.None));

        var delivered = Assert.Single(await Maildev.WaitForEmailsAsync(e => e.MessageId == TestMail.MessageIdOf(email.Id), expected: 1));
        Assert.Equal(["duty.manager@leeds-cjit.cjsm.net"], delivered.To);
        Assert.Equal("Overdue (level 2): cjit.dir-to-prison for CC-2026-000123", delivered.Subject);
        Assert.Contains("How late:         " + EscalationRenderer.LateBy(sentAt - Due), delivered.Text, StringComparison.Ordinal);
        Assert.Contains("2 days 3 hours", delivered.Text, StringComparison.Ordinal);
        var token = System.Text.RegularExpressions.Regex.Match(delivered.Text!, "/api/ack/([A-Za-z0-9_.-]+)").Groups[1].Value;
        var valid = Assert.IsType<AcknowledgementVerification.Valid>(Tokens.Verify(token, sentAt));
        Assert.Equal(email.Escalation!.ObligationId, valid.ObligationId);
        // Valid for its full life from the send, not from the queueing.
        Assert.Equal(Instant.FromUnixTimeSeconds((sentAt + Duration.FromDays(14)).ToUnixTimeSeconds()), valid.ExpiresAt);
        Assert.Equal([sentAt], links.IssuedAt);
        Assert.Equal(EscalationRenderer.TemplateVersion, (await harness.Outbox.GetAsync(email.Id, CancellationToken.None))!.TemplateVersion);
    }

    [Fact]
    public async Task EscalationEmail_QueuedRenderedByThePreviousVersion_SendsAsStored()
    {
        var links = new TokenLinks();
        using var harness = await OutboxHarness.CreateAsync(azurite, Maildev.SmtpPort, links: links);
        var email = Legacy(TestMail.UniqueId("escalation-legacy-l2-"));
        await harness.Outbox.EnqueueEmailAsync(email, CancellationToken.None);

        Assert.Equal(DispatchResult.Sent, await harness.Outbox.SendAsync(email.Id, CancellationToken.None));

        var delivered = Assert.Single(await Maildev.WaitForEmailsAsync(e => e.MessageId == TestMail.MessageIdOf(email.Id), expected: 1));
        Assert.Equal(email.Rendered!.Subject, delivered.Subject);
        Assert.Equal("Overdue.", delivered.Text?.Trim());
        Assert.Empty(links.IssuedAt);
    }

    [Fact]
    public async Task EscalationEmail_QueuedOnceByItsId_SentOnceToItsRecipientWithItsIdAsMessageId()
    {
        using var harness = await OutboxHarness.CreateAsync(azurite, Maildev.SmtpPort);
        var email = Escalation(TestMail.UniqueId("escalation-obl-l2-"));

        Assert.Equal(EnqueueResult.Queued, await harness.Outbox.EnqueueEmailAsync(email, CancellationToken.None));
        Assert.Equal(EnqueueResult.AlreadyQueued, await harness.Outbox.EnqueueEmailAsync(email with { Escalation = email.Escalation! with { MustDo = "changed" } }, CancellationToken.None));
        Assert.Contains(email.Id, await harness.Outbox.PendingAsync(CancellationToken.None));

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => harness.Outbox.SendAsync(email.Id, CancellationToken.None)));
        Assert.Equal(1, results.Count(r => r == DispatchResult.Sent));
        Assert.Equal(DispatchResult.AlreadySent, await harness.Outbox.SendAsync(email.Id, CancellationToken.None));

        var delivered = Assert.Single(await Maildev.WaitForEmailsAsync(e => e.MessageId == TestMail.MessageIdOf(email.Id), expected: 2, TimeSpan.FromSeconds(2)));
        Assert.Equal(["duty.manager@leeds-cjit.cjsm.net"], delivered.To);
        Assert.Equal("Overdue (level 2): cjit.dir-to-prison for CC-2026-000123", delivered.Subject);
        Assert.Contains(email.Escalation!.MustDo, delivered.Text, StringComparison.Ordinal);
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
