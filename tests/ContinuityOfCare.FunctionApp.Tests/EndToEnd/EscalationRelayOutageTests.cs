using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using ContinuityOfCare.Core.Acknowledgements;
using ContinuityOfCare.Core.Alerts;
using ContinuityOfCare.Core.Feeds;
using ContinuityOfCare.Core.Obligations;
using ContinuityOfCare.Core.Routing;
using ContinuityOfCare.FunctionApp.Obligations;
using ContinuityOfCare.FunctionApp.Tests.Support;
using ContinuityOfCare.Hub.Pipeline;
using ContinuityOfCare.Hub.State;
using ContinuityOfCare.Hub.Storage;
using ContinuityOfCare.Mail.Outbox;
using ContinuityOfCare.Mail.Rendering;
using ContinuityOfCare.Mail.Transport;
using ContinuityOfCare.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NodaTime;
using Xunit;

namespace ContinuityOfCare.FunctionApp.Tests.EndToEnd;

/// <summary>
/// An escalation level's email goes through the alert outbox (docs/pipeline.md "Obligations as orchestrations"): queued
/// once under activity replay, held as Pending while the relay is down (no "undelivered" notice, nothing for the
/// orchestration to repeat) and delivered once by the outbox's sweep when the relay is back; the obligation's page in
/// the API shows the level's email status read from the outbox row.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class EscalationRelayOutageTests
{
    private static bool Level1(MaildevEmail e) => e.Subject.StartsWith("Overdue (level 1): cjit.dir-to-prison", StringComparison.Ordinal);

    [Fact]
    public async Task Escalation_RelayDown_PendingInTheOutboxWithoutANotice_ThenSentOnceByTheOutboxSweepWhenTheRelayIsBack()
    {
        var relayDown = new Dictionary<string, string?>
        {
            ["Mail:Smtp:Port"] = LoopbackPorts.Free().ToString(CultureInfo.InvariantCulture),
            ["Mail:Resilience:MaxRetryAttempts"] = "0",
        };
        var (world, obligationId) = await RemandedPastTheDeadlineAsync(relayDown);
        await using var owned = world;
        var emailId = Escalator.EmailIdOf(obligationId, 1);

        // Past the deadline with the relay refusing connections: level 1 is recorded, its email queued.
        Assert.Equal("Queued", await world.Get<EscalateActivity>().ExecuteAsync(new EscalationStep(obligationId, 1), CancellationToken.None));
        Assert.Equal("AlreadyEscalated", await world.Get<EscalateActivity>().ExecuteAsync(new EscalationStep(obligationId, 1), CancellationToken.None));

        var stored = (await world.Get<ObligationStore>().GetAsync(obligationId, CancellationToken.None))!;
        Assert.Equal(ObligationState.EscalatedLevel1, stored.Obligation.State);
        Assert.Equal(emailId, stored.EscalationEmails[1]);
        Assert.Equal(AlertStatus.Pending, (await world.Get<AlertOutbox>().GetAsync(emailId, CancellationToken.None))!.Status);
        Assert.Equal([emailId], await EscalationRowsAsync(world));
        Assert.Equal("Pending", await ShownEmailStatusAsync(world, obligationId));
        Assert.DoesNotContain("EscalationUndelivered", await NoticeKindsAsync(world));
        // The waiting row holds what the email is about, not its acknowledgement link (a credential) nor a rendered "how late".
        var row = await StoredRowAsync(world, emailId);
        Assert.DoesNotContain("/api/ack/", row, StringComparison.Ordinal);
        Assert.DoesNotContain("How late", row, StringComparison.Ordinal);

        // The relay is back two days later (the hub restarted on maildev). Start-up reconciliation runs level 1 again
        // (recorded: nothing new); the outbox sweep lists the waiting email and the Send function delivers it — once,
        // rendered then: "how late" as of the send, and a link issued then.
        world.Clock.Advance(Duration.FromDays(2));
        var sentAt = world.Clock.GetCurrentInstant();
        await world.RestartAsync();
        await SweepOutboxAsync(world);
        var sent = await world.Maildev.WaitForEmailsAsync(Level1, expected: 1, TimeSpan.FromSeconds(60));
        Assert.Equal("spoc@leeds-cjit.cjsm.net", Assert.Single(sent).To.Single());
        Assert.Equal($"{emailId}@continuity-of-care.hub", sent[0].MessageId);
        // Due Tue 29 Dec 09:00, queued at 09:30 that day, sent Thu 31 Dec 09:30.
        Assert.Contains("How late:         2 days 30 minutes", sent[0].Text, StringComparison.Ordinal);
        var token = System.Text.RegularExpressions.Regex.Match(sent[0].Text!, "/api/ack/([A-Za-z0-9_.-]+)").Groups[1].Value;
        var link = Assert.IsType<AcknowledgementVerification.Valid>(
            world.Get<AcknowledgementTokens>().Verify(token, world.Clock.GetCurrentInstant()));
        Assert.Equal(obligationId, link.ObligationId);
        // Its whole life runs from the send, not from the queueing.
        var validity = world.Get<IOptions<AcknowledgementOptions>>().Value.ValidityDuration;
        Assert.Equal(Instant.FromUnixTimeSeconds((sentAt + validity).ToUnixTimeSeconds()), link.ExpiresAt);
        await Eventually.GetAsync(async () => await ShownEmailStatusAsync(world, obligationId) == "Sent" ? "Sent" : null, "the level's email shown as sent");

        // Another sweep and another run of the activity send nothing more.
        await SweepOutboxAsync(world);
        Assert.Equal("AlreadyEscalated", await world.Get<EscalateActivity>().ExecuteAsync(new EscalationStep(obligationId, 1), CancellationToken.None));
        Assert.Single(await world.Maildev.WaitForEmailsAsync(Level1, expected: 2, TimeSpan.FromSeconds(2)));
        var notices = await NoticeKindsAsync(world);
        Assert.DoesNotContain("EscalationUndelivered", notices);
        Assert.DoesNotContain(nameof(OperatorNoticeKind.RepeatedSend), notices);
    }

    [Fact]
    public async Task Escalation_ActivityRunFiveTimesAtOnce_OneOutboxRowOneEmail_TheOthersRecordNothingNew()
    {
        var (world, obligationId) = await RemandedPastTheDeadlineAsync(overrides: null);
        await using var owned = world;
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ =>
            Task.Run(() => world.Get<EscalateActivity>().ExecuteAsync(new EscalationStep(obligationId, 1), CancellationToken.None))));

        // One run recorded the level (its send may have met another run's claim: then that run sent it); the rest nothing.
        Assert.Single(outcomes, o => o is "Escalated" or "Queued");
        Assert.Equal(4, outcomes.Count(o => o == "AlreadyEscalated"));
        Assert.Equal([Escalator.EmailIdOf(obligationId, 1)], await EscalationRowsAsync(world));
        Assert.Single(await world.Maildev.WaitForEmailsAsync(Level1, expected: 2, TimeSpan.FromSeconds(5)));
        Assert.Equal("Sent", await ShownEmailStatusAsync(world, obligationId));
    }

    /// <summary>
    /// The send-at-once after the level is recorded fails (a storage fault in the outbox's send): the level stays
    /// recorded, the answer is Queued (the outbox row is the email's only state), and the sweep sends the email once.
    /// </summary>
    [Fact]
    public async Task Escalation_SendAtOnceThrowsAfterTheRecord_AnswersQueued_TheSweepSendsTheEmailOnce()
    {
        var (world, obligationId) = await RemandedPastTheDeadlineAsync(overrides: null);
        await using var owned = world;
        var emailId = Escalator.EmailIdOf(obligationId, 1);

        var escalator = ActivatorUtilities.CreateInstance<Escalator>(world.App.App.Services, OutboxWhoseSendThrows(world));
        Assert.Equal(EscalationOutcome.Queued, await escalator.EscalateAsync(obligationId, 1, CancellationToken.None));

        var stored = (await world.Get<ObligationStore>().GetAsync(obligationId, CancellationToken.None))!;
        Assert.Equal(ObligationState.EscalatedLevel1, stored.Obligation.State);
        Assert.Equal(emailId, stored.EscalationEmails[1]);
        Assert.Equal(AlertStatus.Pending, (await world.Get<AlertOutbox>().GetAsync(emailId, CancellationToken.None))!.Status);
        Assert.Equal(EscalationEmailProgress.Waiting, await world.Get<Escalator>().EmailProgressAsync(obligationId, 1, CancellationToken.None));

        // The failed send left its claim; once that is older than the in-flight timeout the sweep's send takes the row.
        world.Clock.Advance(Duration.FromTimeSpan(world.Get<IOptions<OutboxOptions>>().Value.InFlightTimeout) + Duration.FromMinutes(1));
        await SweepOutboxAsync(world);
        var sent = await world.Maildev.WaitForEmailsAsync(Level1, expected: 1, TimeSpan.FromSeconds(60));
        Assert.Equal($"{emailId}@continuity-of-care.hub", Assert.Single(sent).MessageId);
        await Eventually.GetAsync(async () => await ShownEmailStatusAsync(world, obligationId) == "Sent" ? "Sent" : null, "the level's email shown as sent");
        Assert.Equal(EscalationEmailProgress.Left, await world.Get<Escalator>().EmailProgressAsync(obligationId, 1, CancellationToken.None));
        Assert.Single(await world.Maildev.WaitForEmailsAsync(Level1, expected: 2, TimeSpan.FromSeconds(2)));
    }

    /// <summary>
    /// A run that died after queueing level 1's email and before recording it: the re-run records that very row (found by
    /// its id, whatever the directory says now) and sends it once — no second email is composed.
    /// </summary>
    [Fact]
    public async Task Escalation_RunDiedAfterQueueing_TheReRunRecordsAndSendsThatEmail()
    {
        var (world, obligationId) = await RemandedPastTheDeadlineAsync(overrides: null);
        await using var owned = world;
        var emailId = Escalator.EmailIdOf(obligationId, 1);
        await world.Get<AlertOutbox>().EnqueueEmailAsync(LeftByADeadRun(emailId), CancellationToken.None);

        Assert.Equal("Escalated", await world.Get<EscalateActivity>().ExecuteAsync(new EscalationStep(obligationId, 1), CancellationToken.None));

        Assert.Equal(emailId, (await world.Get<ObligationStore>().GetAsync(obligationId, CancellationToken.None))!.EscalationEmails[1]);
        var sent = Assert.Single(await world.Maildev.WaitForEmailsAsync(Level1, expected: 2, TimeSpan.FromSeconds(5)));
        Assert.EndsWith("queued by a run that died", sent.Subject, StringComparison.Ordinal);
    }

    /// <summary>
    /// The same, but the obligation was fulfilled before the re-run: the re-run takes the untouched email back (docs/pipeline.md
    /// window (a)), so nothing goes for a closed obligation.
    /// </summary>
    [Fact]
    public async Task Escalation_RunDiedAfterQueueing_ObligationFulfilledMeanwhile_TheReRunWithdrawsTheEmail()
    {
        var (world, obligationId) = await RemandedPastTheDeadlineAsync(overrides: null);
        await using var owned = world;
        var emailId = Escalator.EmailIdOf(obligationId, 1);
        await world.Get<AlertOutbox>().EnqueueEmailAsync(LeftByADeadRun(emailId), CancellationToken.None);
        Assert.Equal(ChangeOutcome.Applied, (await world.Get<ObligationStore>().FulfilAsync(obligationId, world.Clock.GetCurrentInstant(), "u123", null, CancellationToken.None)).Outcome);

        Assert.Equal("Closed", await world.Get<EscalateActivity>().ExecuteAsync(new EscalationStep(obligationId, 1), CancellationToken.None));

        Assert.Null(await world.Get<AlertOutbox>().GetAsync(emailId, CancellationToken.None));
        Assert.DoesNotContain(emailId, await world.Get<AlertOutbox>().PendingAsync(CancellationToken.None));
    }

    /// <summary>
    /// A level recorded without a recipient: its <c>EscalationUndelivered</c> notice (one id with the outbox's 5xx notice)
    /// is raised once for the level — re-runs of the activity on later days raise nothing new.
    /// </summary>
    [Fact]
    public async Task Escalation_LevelWithoutARecipient_OneEscalationUndeliveredNoticeForTheLevel_NotOnePerDay()
    {
        var (world, obligationId) = await RemandedPastTheDeadlineAsync(overrides: null);
        await using var owned = world;
        var recordedAt = world.Clock.GetCurrentInstant();
        Assert.Equal(ChangeOutcome.Applied, (await world.Get<ObligationStore>().RecordEscalationAsync(obligationId, 1, recordedAt, "", CancellationToken.None)).Outcome);

        foreach (var day in new[] { 0, 1, 3 })
        {
            world.Clock.Reset(recordedAt + Duration.FromDays(day));
            Assert.Equal("AlreadyEscalated", await world.Get<EscalateActivity>().ExecuteAsync(new EscalationStep(obligationId, 1), CancellationToken.None));
        }

        var notices = (await world.Get<HubState>().Notices.ListAsync(new LocalDate(2026, 12, 1), new LocalDate(2027, 1, 31), CancellationToken.None))
            .Where(n => n.Kind == nameof(OperatorNoticeKind.EscalationUndelivered)).ToList();
        Assert.Equal($"{Escalator.EmailIdOf(obligationId, 1)}-{nameof(OperatorNoticeKind.EscalationUndelivered)}", Assert.Single(notices).Key);
        Assert.Equal(EscalationEmailProgress.Left, await world.Get<Escalator>().EmailProgressAsync(obligationId, 1, CancellationToken.None));
    }

    private static QueuedEmail LeftByADeadRun(string emailId) => new(
        emailId, OutboxKeys.EscalationKind, "CC-2026-000001", "CJIT-LEEDS", new MailParty("spoc@leeds-cjit.cjsm.net", "Leeds CJIT"),
        new RenderedEmail("Overdue (level 1): cjit.dir-to-prison, queued by a run that died", "<html><body><p>Overdue.</p></body></html>", "Overdue.", EscalationRenderer.TemplateVersion));

    /// <summary>The hub's outbox over the same tables, but its relay call throws as a storage fault would.</summary>
    private static AlertOutbox OutboxWhoseSendThrows(HubWorld world)
    {
        var services = world.App.App.Services;
        var options = world.Get<IOptions<OutboxOptions>>().Value;
        var smtp = world.Get<IOptions<SmtpOptions>>().Value;
        var tables = world.Get<TableServiceClient>();
        var alerts = tables.GetTableClient(options.AlertsTable);
        return new AlertOutbox(
            alerts,
            world.Get<AlertEmailFactory>(),
            new ThrowingSender(),
            world.Get<SecureMailPolicy>(),
            new OperatorNoticeBoard(world.Get<OperatorNoticeStore>(), alerts, smtp, options, NullLogger.Instance),
            new DirectoryEntryFlags(tables.GetTableClient(options.DirectoryFlagsTable)),
            world.Get<SentAlertIndex>(),
            options,
            smtp,
            world.Get<IOptions<MailResilienceOptions>>().Value,
            world.Clock,
            NullLogger<AlertOutbox>.Instance);
    }

    private sealed class ThrowingSender : IMailSender
    {
        public Task<SmtpDeliveryOutcome> SendAsync(OutgoingEmail email, SmtpAttemptObserver? attempts, CancellationToken cancellationToken) =>
            throw new Azure.RequestFailedException(503, "The table service is unavailable.");
    }

    /// <summary>
    /// A consenting client remanded on Christmas Eve (its <c>cjit.dir-to-prison</c> obligation due Tue 29 Dec 09:00),
    /// the hub's clock then moved to 09:30 that day: level 1 is due.
    /// </summary>
    private static async Task<(HubWorld World, string ObligationId)> RemandedPastTheDeadlineAsync(IDictionary<string, string?>? overrides)
    {
        var world = await HubWorld.StartAsync(Instant.FromUtc(2026, 12, 24, 16, 0), overrides);
        try
        {
            await world.LoadReferenceDataAsync();
            var sha = await world.DropAsync(InboxContainers.CourtResults, "results.csv", E2eFiles.ConsentingRemand);
            using var report = await world.WaitForRouteReportAsync(sha);
            world.Clock.Reset(Instant.FromUtc(2026, 12, 29, 9, 30));
            return (world, HubWorld.ObligationId(report, RuleIds.CjitDirToPrison));
        }
        catch
        {
            await world.DisposeAsync();
            throw;
        }
    }

    /// <summary>What the OutboxSweep timer function does: reconcile, then put every Pending id on the send queue.</summary>
    private static async Task SweepOutboxAsync(HubWorld world)
    {
        var swept = await world.Get<OutboxSweeper>().SweepAsync(CancellationToken.None);
        var send = HubStorage.ForConnectionString(world.ConnectionString).Queue(PipelineQueues.Send);
        foreach (var id in swept.PendingAlertIds)
        {
            await send.SendMessageAsync(id);
        }
    }

    /// <summary>Every column of outbox row <paramref name="emailId"/> as stored, as one text.</summary>
    private static async Task<string> StoredRowAsync(HubWorld world, string emailId)
    {
        var outbox = world.Get<TableServiceClient>().GetTableClient(world.Get<IOptions<OutboxOptions>>().Value.AlertsTable);
        var row = (await outbox.GetEntityAsync<TableEntity>(OutboxKeys.Key(emailId), OutboxKeys.RowKey)).Value;
        return string.Join("\n", row.Select(p => $"{p.Key}={p.Value}"));
    }

    /// <summary>The ids of every escalation email in the outbox (a scan: fine in a test).</summary>
    private static async Task<IReadOnlyList<string>> EscalationRowsAsync(HubWorld world)
    {
        var outbox = world.Get<TableServiceClient>().GetTableClient(world.Get<IOptions<OutboxOptions>>().Value.AlertsTable);
        var ids = new List<string>();
        await foreach (var row in outbox.QueryAsync<TableEntity>(r => r.RowKey == OutboxKeys.RowKey))
        {
            if (row.GetString("Kind") == OutboxKeys.EscalationKind)
            {
                ids.Add(row.GetString("AlertId")!);
            }
        }

        return ids;
    }

    /// <summary>The level-1 email status <c>GET /api/obligations/{id}</c> shows (what the console and <c>coc obligations show</c> read).</summary>
    private static async Task<string?> ShownEmailStatusAsync(HubWorld world, string obligationId)
    {
        using var show = new HttpRequestMessage(HttpMethod.Get, "/api/obligations/" + obligationId);
        show.Headers.Add("x-functions-key", "e2e-key");
        using var answer = await world.App.Client.SendAsync(show);
        using var body = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
        var level = Assert.Single(body.RootElement.GetProperty("escalations").EnumerateArray());
        Assert.Equal(1, level.GetProperty("level").GetInt32());
        Assert.Equal(Escalator.EmailIdOf(obligationId, 1), level.GetProperty("emailId").GetString());
        return level.GetProperty("email").GetString();
    }

    private static async Task<IReadOnlyList<string>> NoticeKindsAsync(HubWorld world) =>
        [.. (await world.Get<HubState>().Notices.ListAsync(new LocalDate(2026, 12, 1), new LocalDate(2027, 1, 31), CancellationToken.None)).Select(n => n.Kind)];
}
