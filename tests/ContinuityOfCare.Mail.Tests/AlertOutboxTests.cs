using ContinuityOfCare.Core.Alerts;
using ContinuityOfCare.Mail.Outbox;
using ContinuityOfCare.Mail.Rendering;
using ContinuityOfCare.Mail.Transport;
using ContinuityOfCare.Testing;
using NodaTime;
using Xunit;

namespace ContinuityOfCare.Mail.Tests;

/// <summary>
/// architecture.md "Reliability rules" (outbox, exactly once) and "Security rules" (allow-list), against a real Azurite
/// and a real maildev. Each test uses its own tables and its own alert ids, and counts only its own messages.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class AlertOutboxTests(AzuriteFixture azurite, MaildevFixture maildev) : IClassFixture<MaildevFixture>
{
    private MaildevServer Maildev => maildev.Server;

    private Task<IReadOnlyList<MaildevEmail>> DeliveredAsync(string alertId, int expected) =>
        Maildev.WaitForEmailsAsync(email => email.MessageId == TestMail.MessageIdOf(alertId), expected);

    [Fact]
    public async Task ReliabilityRules_Outbox_SendsOneMultipartAlternativeWithStableHeaders()
    {
        using var harness = await OutboxHarness.CreateAsync(azurite, Maildev.SmtpPort);
        var form = SampleAlerts.Transfer(TestMail.UniqueId("mime"));
        Assert.Equal(EnqueueResult.Queued, await harness.Outbox.EnqueueAsync(form, CancellationToken.None));

        Assert.Equal(DispatchResult.Sent, await harness.Outbox.SendAsync(form.Id, CancellationToken.None));

        var email = Assert.Single(await DeliveredAsync(form.Id, 1));
        Assert.Equal("Alert Form CC-2026-000123: transferred (HMP Leeds → HMP Wakefield)", email.Subject);
        Assert.True(SubjectGuard.IsFreeOfPersonalData(email.Subject, form.Client));
        Assert.Equal("auto-generated", email.Header("auto-submitted"));
        Assert.Contains("cjit.leeds@nhs.net", email.Header("reply-to"), StringComparison.Ordinal);
        Assert.Equal(["smt.wakefield@hmps.gov.uk"], email.To);
        Assert.Equal("alert-form.v3", email.Header("x-coc-template"));
        Assert.Contains("Transferred to another prison", email.Text, StringComparison.Ordinal);
        Assert.Contains("\u2612 Yes", await Maildev.GetHtmlAsync(email.Id), StringComparison.Ordinal);

        var source = await Maildev.GetSourceAsync(email.Id);
        Assert.Matches("(?im)^Content-Type: multipart/alternative;", source);
        var plain = source.IndexOf("Content-Type: text/plain", StringComparison.OrdinalIgnoreCase);
        var html = source.IndexOf("Content-Type: text/html", StringComparison.OrdinalIgnoreCase);
        Assert.True(plain > 0 && html > plain, "text/plain must come first and text/html second (RFC 2046 §5.1.4)");
        Assert.Matches($"(?im)^Message-ID: <{TestMail.MessageIdOf(form.Id)}>", source);

        var entry = await harness.Outbox.GetAsync(form.Id, CancellationToken.None);
        Assert.NotNull(entry);
        Assert.Equal(AlertStatus.Sent, entry.Status);
        Assert.Equal(250, entry.SmtpCode);
        Assert.Equal(AlertFormRenderer.TemplateVersion, entry.TemplateVersion);
        Assert.Equal($"<{TestMail.MessageIdOf(form.Id)}>", entry.MessageId);
    }

    [Fact]
    public async Task ReliabilityRules_Outbox_RedeliveredAndDuplicateRequestsSendNothingMore()
    {
        using var harness = await OutboxHarness.CreateAsync(azurite, Maildev.SmtpPort);
        var form = SampleAlerts.Transfer(TestMail.UniqueId("dup"));
        await harness.Outbox.EnqueueAsync(form, CancellationToken.None);

        var concurrent = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => harness.Outbox.SendAsync(form.Id, CancellationToken.None)));
        var redelivered = await harness.Outbox.SendAsync(form.Id, CancellationToken.None);
        var requeued = await harness.Outbox.EnqueueAsync(form, CancellationToken.None);

        Assert.Equal(1, concurrent.Count(result => result == DispatchResult.Sent));
        Assert.All(concurrent.Where(result => result != DispatchResult.Sent),
            result => Assert.Contains(result, new[] { DispatchResult.InFlightElsewhere, DispatchResult.AlreadySent }));
        Assert.Equal(DispatchResult.AlreadySent, redelivered);
        Assert.Equal(EnqueueResult.AlreadyQueued, requeued);
        Assert.Single(await DeliveredAsync(form.Id, 1));
        Assert.Equal(1, await harness.SentTodayAsync());
    }

    [Fact]
    public async Task ReliabilityRules_Outbox_CrashBetweenSendAndStatusWriteIsRepeatedOnceWithTheSameMessageIdAndALabel()
    {
        using var real = await OutboxHarness.CreateAsync(azurite, Maildev.SmtpPort, decorate: inner => new CrashAfterSendSender(inner, crashes: 1));
        var crashing = real;
        var form = SampleAlerts.Transfer(TestMail.UniqueId("crash"));
        await crashing.Outbox.EnqueueAsync(form, CancellationToken.None);

        await Assert.ThrowsAsync<SimulatedCrashException>(() => crashing.Outbox.SendAsync(form.Id, CancellationToken.None));
        var stuck = (await real.Outbox.GetAsync(form.Id, CancellationToken.None))!;
        Assert.Equal(AlertStatus.Sending, stuck.Status);
        Assert.Equal(SampleAlerts.SentAt, stuck.AttemptStartedAt);

        // The queue redelivers the message while the attempt is still within its in-flight window: nothing is sent.
        Assert.Equal(DispatchResult.InFlightElsewhere, await real.Outbox.SendAsync(form.Id, CancellationToken.None));

        // Later the sweep finds it without a reply: it is repeated (same Message-ID, labelled), counted, the operator told.
        real.Clock.Advance(Duration.FromTimeSpan(OutboxHarness.InFlightTimeout) + Duration.FromSeconds(1));
        Assert.Equal(1, await real.Outbox.ReconcileAsync(CancellationToken.None));
        Assert.Contains(form.Id, await real.Outbox.PendingAsync(CancellationToken.None));
        Assert.Equal(DispatchResult.Sent, await real.Outbox.SendAsync(form.Id, CancellationToken.None));
        var sent = (await real.Outbox.GetAsync(form.Id, CancellationToken.None))!;
        Assert.Equal(AlertStatus.Sent, sent.Status);
        Assert.Equal(1, sent.Repeats);
        var notice = Assert.Single(await real.NoticesAsync());
        Assert.Equal(OperatorNoticeKind.RepeatedSend, notice.Kind);
        Assert.Equal(form.Id, notice.AlertId);

        var delivered = await DeliveredAsync(form.Id, 2);
        Assert.Equal(2, delivered.Count);
        var line = RepeatNotice.Line(SampleAlerts.SentAt, form.Reference);
        Assert.Single(delivered, email => email.Text!.Contains(line, StringComparison.Ordinal) && email.Html!.Contains(line, StringComparison.Ordinal));
        Assert.Single(delivered, email => !email.Text!.Contains("This may repeat", StringComparison.Ordinal));
        Assert.Contains(":04 on ", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReliabilityRules_Outbox_RepeatsAreCappedThenTheAlertWaitsForTheOperatorWhoReleasesIt()
    {
        using var harness = await OutboxHarness.CreateAsync(azurite, Maildev.SmtpPort, decorate: inner => new CrashAfterSendSender(inner, crashes: 2), maxAutomaticRepeats: 1);
        var form = SampleAlerts.Transfer(TestMail.UniqueId("cap"));
        await harness.Outbox.EnqueueAsync(form, CancellationToken.None);

        await Assert.ThrowsAsync<SimulatedCrashException>(() => harness.Outbox.SendAsync(form.Id, CancellationToken.None));
        harness.Clock.Advance(Duration.FromTimeSpan(OutboxHarness.InFlightTimeout) + Duration.FromSeconds(1));
        Assert.Equal(1, await harness.Outbox.ReconcileAsync(CancellationToken.None));
        await Assert.ThrowsAsync<SimulatedCrashException>(() => harness.Outbox.SendAsync(form.Id, CancellationToken.None));
        harness.Clock.Advance(Duration.FromTimeSpan(OutboxHarness.InFlightTimeout) + Duration.FromSeconds(1));
        Assert.Equal(1, await harness.Outbox.ReconcileAsync(CancellationToken.None));

        var waiting = (await harness.Outbox.GetAsync(form.Id, CancellationToken.None))!;
        Assert.Equal(AlertStatus.Unconfirmed, waiting.Status);
        Assert.Equal(1, waiting.Repeats);
        Assert.Equal(DispatchResult.AwaitingOperator, await harness.Outbox.SendAsync(form.Id, CancellationToken.None));
        Assert.Equal(
            [OperatorNoticeKind.UnconfirmedSend, OperatorNoticeKind.RepeatedSend],
            (await harness.NoticesAsync()).Select(n => n.Kind).Order());

        Assert.True(await harness.Outbox.ReleaseAsync(form.Id, CancellationToken.None));
        Assert.Equal(AlertStatus.Pending, (await harness.Outbox.GetAsync(form.Id, CancellationToken.None))!.Status);
        Assert.Equal(2, (await DeliveredAsync(form.Id, 2)).Count);
    }

    [Fact]
    public async Task ReliabilityRules_Outbox_OperatorReleaseResendsWithTheSameMessageId()
    {
        using var harness = await OutboxHarness.CreateAsync(azurite, Maildev.SmtpPort);
        var form = SampleAlerts.Transfer(TestMail.UniqueId("release"));
        await harness.Outbox.EnqueueAsync(form, CancellationToken.None);
        Assert.False(await harness.Outbox.ReleaseAsync(form.Id, CancellationToken.None));
        Assert.Equal(DispatchResult.Sent, await harness.Outbox.SendAsync(form.Id, CancellationToken.None));

        // A Sent alert cannot be released: release is only for Unconfirmed or Held.
        Assert.False(await harness.Outbox.ReleaseAsync(form.Id, CancellationToken.None));
        Assert.Single(await DeliveredAsync(form.Id, 1));
    }

    [Fact]
    public async Task SecurityRules_AllowList_RecipientOutsideIsHeldNothingSentAndOperatorTold()
    {
        var operatorAddress = $"ops-{Guid.NewGuid():N}@hub.gov.uk";
        using var harness = await OutboxHarness.CreateAsync(azurite, Maildev.SmtpPort, operatorAddress: operatorAddress);
        var form = SampleAlerts.Transfer(TestMail.UniqueId("held"), to: SampleAlerts.WakefieldSmt("smt@evil-nhs.net"));
        await harness.Outbox.EnqueueAsync(form, CancellationToken.None);

        Assert.Equal(DispatchResult.Held, await harness.Outbox.SendAsync(form.Id, CancellationToken.None));
        Assert.Equal(DispatchResult.AlreadyFinal, await harness.Outbox.SendAsync(form.Id, CancellationToken.None));

        Assert.Equal(AlertStatus.Held, (await harness.Outbox.GetAsync(form.Id, CancellationToken.None))!.Status);
        var notice = Assert.Single(await harness.NoticesAsync());
        Assert.Equal(OperatorNoticeKind.RecipientNotAllowed, notice.Kind);
        var operatorMail = Assert.Single(await Maildev.WaitForEmailsAsync(email => email.To.Contains(operatorAddress), 1));
        Assert.Equal("Operator notice CC-2026-000123: recipient outside the secure-mail allow-list", operatorMail.Subject);
        Assert.DoesNotContain("Jordan", operatorMail.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(await Maildev.GetEmailsAsync(), email => email.MessageId == TestMail.MessageIdOf(form.Id));
        Assert.Equal(0, await harness.SentTodayAsync()); // the operator's notice email is not an Alert Form
    }

    [Fact]
    public async Task ReliabilityRules_PermanentFailure_FailsFlagsTheDirectoryEntryAndTellsTheOperator()
    {
        await using var server = ScriptedSmtpServer.AnsweringRecipient(_ => "550 5.1.1 mailbox unavailable");
        using var harness = await OutboxHarness.CreateAsync(azurite, server.Port);
        var form = SampleAlerts.Transfer(TestMail.UniqueId("perm"));
        await harness.Outbox.EnqueueAsync(form, CancellationToken.None);

        Assert.Equal(DispatchResult.Failed, await harness.Outbox.SendAsync(form.Id, CancellationToken.None));
        Assert.Equal(DispatchResult.AlreadyFinal, await harness.Outbox.SendAsync(form.Id, CancellationToken.None));

        var entry = await harness.Outbox.GetAsync(form.Id, CancellationToken.None);
        Assert.Equal(AlertStatus.Failed, entry!.Status);
        Assert.Equal(550, entry.SmtpCode);
        Assert.Equal(1, server.Messages);
        Assert.Equal(1, await harness.Flags.CountAsync(form.To.OrgCode, CancellationToken.None));
        Assert.Equal(OperatorNoticeKind.PermanentFailure, Assert.Single(await harness.NoticesAsync()).Kind);
    }

    [Fact]
    public async Task ReliabilityRules_TransientFailure_LeavesTheAlertPendingForALaterAttempt()
    {
        await using var server = ScriptedSmtpServer.AnsweringData(attempt => attempt == 1 ? "451 4.3.0 try again later" : "250 2.0.0 queued");
        using var harness = await OutboxHarness.CreateAsync(azurite, server.Port, options => options.MaxRetryAttempts = 0);
        var form = SampleAlerts.Transfer(TestMail.UniqueId("trans"));
        await harness.Outbox.EnqueueAsync(form, CancellationToken.None);

        Assert.Equal(DispatchResult.LeftPending, await harness.Outbox.SendAsync(form.Id, CancellationToken.None));
        var pending = await harness.Outbox.GetAsync(form.Id, CancellationToken.None);
        Assert.Equal(AlertStatus.Pending, pending!.Status);
        Assert.Equal(451, pending.SmtpCode);
        Assert.Contains(form.Id, await harness.Outbox.PendingAsync(CancellationToken.None));

        Assert.Equal(DispatchResult.Sent, await harness.Outbox.SendAsync(form.Id, CancellationToken.None));
        Assert.Equal(1, server.Accepted);
        Assert.Equal(2, (await harness.Outbox.GetAsync(form.Id, CancellationToken.None))!.AttemptCount);
    }

    [Fact]
    public async Task ReliabilityRules_Outbox_RecordsTheRelaysRealReply()
    {
        using var harness = await OutboxHarness.CreateAsync(azurite, Maildev.SmtpPort);
        var form = SampleAlerts.Transfer(TestMail.UniqueId("reply"));
        await harness.Outbox.EnqueueAsync(form, CancellationToken.None);

        Assert.Equal(DispatchResult.Sent, await harness.Outbox.SendAsync(form.Id, CancellationToken.None));

        var sent = (await harness.Outbox.GetAsync(form.Id, CancellationToken.None))!;
        Assert.Equal(250, sent.SmtpCode);
        // maildev's own words after the code (smtp-server's "Message queued as <id>"), not a reply the hub made up.
        Assert.Matches(@"^250 \S", sent.SmtpReply!);
        Assert.DoesNotContain("accepted by", sent.SmtpReply!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReliabilityRules_Outbox_MarksSendingOnlyAroundTheTransactionNotWhileWaiting()
    {
        await using var server = ScriptedSmtpServer.AnsweringData(attempt => attempt == 1 ? "451 4.3.0 later" : "250 2.0.0 queued as W2X");
        OutboxHarness? harness = null;
        var seen = new List<string>();
        harness = await OutboxHarness.CreateAsync(azurite, server.Port, decorate: inner => new ObservingSender(inner, async phase =>
            seen.Add($"{phase}:{(await harness!.Outbox.GetAsync(phase.Split('#')[1], CancellationToken.None))!.Status}")));
        using var _ = harness;
        var form = SampleAlerts.Transfer(TestMail.UniqueId("mark"));
        await harness.Outbox.EnqueueAsync(form, CancellationToken.None);

        Assert.Equal(DispatchResult.Sent, await harness.Outbox.SendAsync(form.Id, CancellationToken.None));

        Assert.Equal(
            [$"queued#{form.Id}:Pending", $"attempt#{form.Id}:Sending", $"refused#{form.Id}:Pending", $"attempt#{form.Id}:Sending"],
            seen);
        var sent = (await harness.Outbox.GetAsync(form.Id, CancellationToken.None))!;
        Assert.Equal(2, sent.AttemptCount);
        Assert.Equal("W2X", sent.SmtpQueueId);
    }

    [Fact]
    public async Task ReliabilityRules_Outbox_ConnectionDroppedMidDataIsRepeatedWithTheLabelAndCounted()
    {
        await using var server = ScriptedSmtpServer.AnsweringData(attempt => attempt == 1 ? ScriptedSmtpServer.DropMidData : "250 2.0.0 queued as D2X");
        using var harness = await OutboxHarness.CreateAsync(azurite, server.Port);
        var form = SampleAlerts.Transfer(TestMail.UniqueId("drop"));
        await harness.Outbox.EnqueueAsync(form, CancellationToken.None);

        Assert.Equal(DispatchResult.LeftPending, await harness.Outbox.SendAsync(form.Id, CancellationToken.None));
        var waiting = (await harness.Outbox.GetAsync(form.Id, CancellationToken.None))!;
        Assert.Equal(AlertStatus.Pending, waiting.Status);
        Assert.Equal(1, waiting.Repeats);
        Assert.Equal(1, server.Messages);

        Assert.Equal(DispatchResult.Sent, await harness.Outbox.SendAsync(form.Id, CancellationToken.None));
        Assert.Equal(2, server.Messages);
        Assert.Equal(1, (await harness.Outbox.GetAsync(form.Id, CancellationToken.None))!.Repeats);
        Assert.Equal(OperatorNoticeKind.RepeatedSend, Assert.Single(await harness.NoticesAsync()).Kind);
    }

    [Fact]
    public async Task ReliabilityRules_Outbox_CrashDuringTheBackOffAfterARefusalIsSentLaterWithoutARepeatLabel()
    {
        await using var server = ScriptedSmtpServer.AnsweringData(attempt => attempt == 1 ? "451 4.3.0 later" : "250 2.0.0 queued as B2X");
        using var harness = await OutboxHarness.CreateAsync(azurite, server.Port, decorate: inner => new CrashDuringBackOffSender(inner));
        var form = SampleAlerts.Transfer(TestMail.UniqueId("backoff"));
        await harness.Outbox.EnqueueAsync(form, CancellationToken.None);

        await Assert.ThrowsAsync<SimulatedCrashException>(() => harness.Outbox.SendAsync(form.Id, CancellationToken.None));

        // Refused: nothing was delivered, so the row is not Sending — just still claimed by the dead sender.
        Assert.Equal(AlertStatus.Pending, (await harness.Outbox.GetAsync(form.Id, CancellationToken.None))!.Status);
        Assert.Equal(DispatchResult.InFlightElsewhere, await harness.Outbox.SendAsync(form.Id, CancellationToken.None));
        harness.Clock.Advance(Duration.FromTimeSpan(OutboxHarness.InFlightTimeout) + Duration.FromSeconds(1));
        Assert.Equal(0, await harness.Outbox.ReconcileAsync(CancellationToken.None));

        Assert.Equal(DispatchResult.Sent, await harness.Outbox.SendAsync(form.Id, CancellationToken.None));
        var sent = (await harness.Outbox.GetAsync(form.Id, CancellationToken.None))!;
        Assert.Equal(0, sent.Repeats);
        Assert.Equal("B2X", sent.SmtpQueueId);
        Assert.Empty(await harness.NoticesAsync());
        Assert.Equal(1, server.Accepted);
    }
}
