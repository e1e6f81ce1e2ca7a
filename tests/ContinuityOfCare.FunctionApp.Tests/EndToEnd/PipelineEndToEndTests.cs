using ContinuityOfCare.Core.Alerts;
using ContinuityOfCare.Mail.Outbox;
using ContinuityOfCare.Hub.Storage;
using ContinuityOfCare.Core.Feeds;
using ContinuityOfCare.Core.Obligations;
using ContinuityOfCare.Hub.Endpoints.Acknowledge;
using ContinuityOfCare.Hub.Pipeline;
using ContinuityOfCare.FunctionApp.Obligations;
using ContinuityOfCare.Hub.Obligations;
using ContinuityOfCare.Hub.State;
using ContinuityOfCare.FunctionApp.Tests.Support;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using ContinuityOfCare.Testing;
using NodaTime;
using Xunit;

namespace ContinuityOfCare.FunctionApp.Tests.EndToEnd;

/// <summary>Inbox → Ingest → Route → outbox → Send against Azurite and maildev, the hub in local host mode (docs/pipeline.md "End-to-end tests").</summary>
[Collection(EndToEndCollection.Name)]
public sealed class PipelineEndToEndTests
{
    private static readonly Instant ChristmasEve1600 = Instant.FromUtc(2026, 12, 24, 16, 0);

    [Fact]
    public async Task Part1_ConsentingClientRemandedChristmasEve_OneAlertFormToTheSmtAndCopyToHomeCjit_DirToPrisonDueTuesday0900()
    {
        await using var world = await HubWorld.StartAsync(ChristmasEve1600);
        await world.LoadReferenceDataAsync();

        var sha = await world.DropAsync(InboxContainers.CourtResults, "court-results_2026-12-24.csv", E2eFiles.ConsentingRemand);
        using var report = await world.WaitForRouteReportAsync(sha);

        var emails = await world.Maildev.WaitForEmailsAsync(_ => true, expected: 2, TimeSpan.FromSeconds(30));
        Assert.Equal(2, emails.Count);
        var toSmt = Assert.Single(emails, e => e.To.Contains("smt.lei@justice.gov.uk"));
        var toCjit = Assert.Single(emails, e => e.To.Contains("spoc@leeds-cjit.cjsm.net"));
        Assert.StartsWith("Alert Form CC-2026-", toSmt.Subject, StringComparison.Ordinal);
        Assert.StartsWith("Alert Form CC-2026-", toCjit.Subject, StringComparison.Ordinal);
        Assert.DoesNotContain("Ashdown", toSmt.Subject, StringComparison.OrdinalIgnoreCase);

        // docs/email.md "Transport": each sent alert records the relay's own reply (maildev's words), not a made-up one.
        foreach (var email in emails)
        {
            var alertId = email.MessageId![..email.MessageId!.IndexOf('@', StringComparison.Ordinal)];
            var entry = await Eventually.GetAsync(
                async () => await world.Get<AlertOutbox>().GetAsync(alertId, CancellationToken.None) is { Status: AlertStatus.Sent } sent ? sent : null,
                "the outbox's Sent mark");
            Assert.Equal(250, entry.SmtpCode);
            Assert.Matches(@"^250 \S", entry.SmtpReply!);
            Assert.DoesNotContain("accepted by", entry.SmtpReply!, StringComparison.Ordinal);
        }

        // docs/operations.md "Acknowledgement links": an Alert Form that asks for an obligation carries the link. The CJIT's form
        // asks for the DIR, so it carries the link, and the running host answers it.
        Assert.Contains("When done, confirm here: http://127.0.0.1:7071/api/ack/", toCjit.Text, StringComparison.Ordinal);
        await AssertAcknowledgementLinkResolvesAsync(world, toCjit.Text ?? string.Empty);

        // 000 Part 1 and the worked example of docs/domain.md "Time, days and the 24-hour rule": Thu 24 Dec 2026 16:00 → Tue 29 Dec 2026 09:00 Europe/London.
        var obligationId = HubWorld.ObligationId(report, RuleIds.CjitDirToPrison);
        var stored = await world.Get<ObligationStore>().GetAsync(obligationId, CancellationToken.None);
        Assert.NotNull(stored);
        Assert.Equal(Instant.FromUtc(2026, 12, 29, 9, 0), stored.Obligation.Due);
        Assert.Equal("LDSCJ", stored.Obligation.OwnerOrganisationId);
        Assert.Equal("E2E0001", stored.ClientId);
    }

    [Fact]
    public async Task Part2_ClientWithoutConsentOrLegalBasis_NoEmail_AConsentMissingTask()
    {
        await using var world = await HubWorld.StartAsync(ChristmasEve1600);
        await world.LoadReferenceDataAsync();

        var sha = await world.DropAsync(InboxContainers.CourtResults, "results-brackley.csv", E2eFiles.NonConsentingRemand);
        using var report = await world.WaitForRouteReportAsync(sha);
        Assert.Empty(report.RootElement.GetProperty("alerts").EnumerateArray());
        var tasks = await world.Get<TaskStore>().ListByClientAsync("E2E0002", CancellationToken.None);
        Assert.Contains(tasks, t => t.Kind == HubTaskKinds.ConsentMissing);

        // A consenting client's file routed after it proves the pipeline was sending: only that client's two forms arrive.
        var second = await world.DropAsync(InboxContainers.CourtResults, "results-ashdown.csv", E2eFiles.ConsentingRemand);
        using var _ = await world.WaitForRouteReportAsync(second);
        var emails = await world.Maildev.WaitForEmailsAsync(_ => true, expected: 2, TimeSpan.FromSeconds(30));
        Assert.Equal(2, emails.Count);
    }

    [Fact]
    public async Task Part3_ReleaseToCommunity_PostReleaseContactDueFiveWorkingDaysLater()
    {
        await using var world = await HubWorld.StartAsync(Instant.FromUtc(2026, 12, 24, 8, 0));
        await world.LoadReferenceDataAsync();

        var sha = await world.DropAsync(InboxContainers.Discharges, "LEI_2026-12-23.csv", E2eFiles.Release);
        using var report = await world.WaitForRouteReportAsync(sha);

        // 000 §PP9: 5 working days after Wed 23 Dec 2026 — Thu 24, Tue 29, Wed 30, Thu 31 Dec, Mon 4 Jan 2027
        // (Christmas, Boxing Day substitute and New Year's Day are bank holidays) — ending 23:59:59 Europe/London.
        var obligation = await world.Get<ObligationStore>().GetAsync(HubWorld.ObligationId(report, RuleIds.CjitPostReleaseContact), CancellationToken.None);
        Assert.NotNull(obligation);
        Assert.Equal(Instant.FromUtc(2027, 1, 4, 23, 59, 59), obligation.Obligation.Due);
        var emails = await world.Maildev.WaitForEmailsAsync(_ => true, expected: 1, TimeSpan.FromSeconds(30));
        Assert.Contains(emails, e => e.To.Contains("spoc@leeds-cjit.cjsm.net"));
    }

    [Fact]
    public async Task Part4_TransferBetweenPrisons_AlertFormsToTheReceivingSmtAndTheHomeCjit()
    {
        await using var world = await HubWorld.StartAsync(Instant.FromUtc(2026, 12, 24, 8, 0));
        await world.LoadReferenceDataAsync();

        var sha = await world.DropAsync(InboxContainers.Discharges, "LEI_2026-12-23-transfer.csv", E2eFiles.Transfer);
        using var report = await world.WaitForRouteReportAsync(sha);

        // 000 §PP8: the receiving SMT (HMP Wakefield) and the client's CJIT, on the day of transfer — each exactly once.
        var emails = await world.Maildev.WaitForEmailsAsync(
            e => e.Subject.StartsWith("Alert Form ", StringComparison.Ordinal) && (e.To.Contains("smt.wdi@justice.gov.uk") || e.To.Contains("spoc@leeds-cjit.cjsm.net")),
            expected: 2, TimeSpan.FromSeconds(30));
        Assert.Equal(2, emails.Count);
        Assert.Single(emails, e => e.To.Contains("smt.wdi@justice.gov.uk"));
        Assert.Single(emails, e => e.To.Contains("spoc@leeds-cjit.cjsm.net"));

        // Every form the plan made went out once. (The sending SMT's smt.transfer-notice was due at the end of the
        // transfer day, already past at 08:00 next morning, so its level-1 escalation goes out at once as well.)
        var forms = (await world.Maildev.GetEmailsAsync()).Where(e => e.Subject.StartsWith("Alert Form ", StringComparison.Ordinal)).ToList();
        Assert.Equal(report.RootElement.GetProperty("alerts").GetArrayLength(), forms.Count);
        Assert.Contains(await world.Maildev.WaitForEmailsAsync(e => e.Subject.StartsWith("Overdue (level 1): smt.transfer-notice", StringComparison.Ordinal), 1),
            e => e.To.Contains("smt.lei@justice.gov.uk"));
    }

    [Fact]
    public async Task Part5_TheSameFileTwice_UnderAnotherName_SendsNothingTwice()
    {
        await using var world = await HubWorld.StartAsync(ChristmasEve1600);
        await world.LoadReferenceDataAsync();
        var sha = await world.DropAsync(InboxContainers.CourtResults, "results.csv", E2eFiles.ConsentingRemand);
        using var report = await world.WaitForRouteReportAsync(sha);
        await world.Maildev.WaitForEmailsAsync(_ => true, expected: 2, TimeSpan.FromSeconds(30));

        await world.DropAsync(InboxContainers.CourtResults, "results-again.csv", E2eFiles.ConsentingRemand);
        var inbox = new BlobContainerClient(world.ConnectionString, InboxContainers.CourtResults);
        await Eventually.GetAsync(async () =>
        {
            await foreach (var _ in inbox.GetBlobsAsync())
            {
                return null;
            }

            return "empty";
        }, "the duplicate to leave the inbox");

        // formats.md: the same file twice is processed once; the outbox would refuse a second send anyway.
        var emails = await world.Maildev.WaitForEmailsAsync(_ => true, expected: 3, TimeSpan.FromSeconds(3));
        Assert.Equal(2, emails.Count);
        var file = await world.Get<IngestedFileStore>().GetAsync(sha, CancellationToken.None);
        Assert.Equal("results.csv", file!.FileName);
    }

    [Fact]
    public async Task Part6_OverdueObligation_RunnerRestartedMidWait_OneLevel1FromItsOrchestration_NoneTwice_NoLevel2AfterFulfilment()
    {
        await using var world = await HubWorld.StartAsync(ChristmasEve1600);
        await world.LoadReferenceDataAsync();
        var sha = await world.DropAsync(InboxContainers.CourtResults, "results.csv", E2eFiles.ConsentingRemand);
        using var report = await world.WaitForRouteReportAsync(sha);
        await world.Maildev.WaitForEmailsAsync(_ => true, expected: 2, TimeSpan.FromSeconds(30));
        var obligationId = HubWorld.ObligationId(report, RuleIds.CjitDirToPrison);
        static bool Level(MaildevEmail e, int level) => e.Subject.StartsWith($"Overdue (level {level}): cjit.dir-to-prison", StringComparison.Ordinal);

        // Route started its orchestration: waiting for fulfilment or the deadline, Tue 29 Dec 09:00.
        var before = await Eventually.GetAsync(async () =>
            await world.Get<IObligationEvents>().DescribeAsync(obligationId, withHistory: true, CancellationToken.None) is { Step: not null } shown ? shown : null,
            "the orchestration Route started, past its first step");
        Assert.Equal("waiting for fulfilment; due 2026-12-29T09:00:00Z", before.Step);

        // The runner is restarted mid-wait at 09:30 (its engine is in memory, so the orchestration is lost);
        // start-up reconciliation starts it again, its deadline is past, and level 1 runs — once.
        world.Clock.Reset(Instant.FromUtc(2026, 12, 29, 9, 30));
        await world.RestartAsync();
        var level1 = await world.Maildev.WaitForEmailsAsync(e => Level(e, 1), expected: 1, TimeSpan.FromSeconds(30));
        Assert.Equal("spoc@leeds-cjit.cjsm.net", Assert.Single(level1).To.Single());
        Assert.DoesNotContain(obligationId, level1[0].Subject, StringComparison.Ordinal);
        await AssertAcknowledgementLinkResolvesAsync(world, level1[0].Text ?? string.Empty);

        // Route starting it again, and the engine running the level-1 activity again, send nothing more.
        var orchestrations = world.Get<IObligationEvents>();
        var stored = await world.Get<ObligationStore>().GetAsync(obligationId, CancellationToken.None);
        Assert.False(await orchestrations.StartAsync(ObligationStart.From(stored!), CancellationToken.None));
        Assert.Equal("AlreadyEscalated", await world.Get<EscalateActivity>().ExecuteAsync(new EscalationStep(obligationId, 1), CancellationToken.None));
        var waiting = await Eventually.GetAsync(async () =>
            await orchestrations.DescribeAsync(obligationId, withHistory: false, CancellationToken.None) is { Step: { } step } shown && step.StartsWith("level 1 sent", StringComparison.Ordinal) ? shown : null,
            "the orchestration waiting out the grace after level 1");
        Assert.True(waiting.IsRunning);

        // Fulfilment through the link stops the ladder: the orchestration ends, no level 2.
        var token = System.Text.RegularExpressions.Regex.Match(level1[0].Text ?? string.Empty, @"/api/ack/([A-Za-z0-9_\-\.]+)").Groups[1].Value;
        using (var ack = await world.App.Client.PostAsync(new Uri("/api/ack/" + token, UriKind.Relative), null))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, ack.StatusCode);
        }

        var ended = await Eventually.GetAsync(async () =>
            await orchestrations.DescribeAsync(obligationId, withHistory: true, CancellationToken.None) is { IsRunning: false } shown ? shown : null,
            "the orchestration to end");
        Assert.Equal("Completed", ended.RuntimeStatus);

        // What `coc obligations show` and `coc obligations reconcile --dry-run` read from the running hub.
        using (var show = new HttpRequestMessage(HttpMethod.Get, "/api/obligations/" + obligationId))
        {
            show.Headers.Add("x-functions-key", "e2e-key");
            using var answer = await world.App.Client.SendAsync(show);
            var body = await answer.Content.ReadAsStringAsync();
            Assert.Equal(System.Net.HttpStatusCode.OK, answer.StatusCode);
            using var shown = System.Text.Json.JsonDocument.Parse(body);
            Assert.Equal("fulfilledLate", shown.RootElement.GetProperty("obligation").GetProperty("status").GetString());
            Assert.Equal("fulfilled after level 1", shown.RootElement.GetProperty("orchestration").GetProperty("step").GetString());
            Assert.Equal(["TimerCreated", "TimerFired", "LevelRun", "TimerCreated", "EventRaised", "Ended"],
                shown.RootElement.GetProperty("orchestration").GetProperty("history").EnumerateArray().Select(l => l.GetProperty("kind").GetString()));
        }

        using (var reconcile = new HttpRequestMessage(HttpMethod.Post, "/api/obligations/reconcile?dryRun=true"))
        {
            reconcile.Headers.Add("x-functions-key", "e2e-key");
            using var answer = await world.App.Client.SendAsync(reconcile);
            using var result = System.Text.Json.JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
            Assert.Equal(0, result.RootElement.GetProperty("missing").GetArrayLength());
            Assert.Equal(0, result.RootElement.GetProperty("started").GetInt32());
        }

        Assert.Equal("fulfilled after level 1", ended.Step);
        Assert.Contains(ended.History, line => line.Kind == "EventRaised" && line.Detail == ObligationEventNames.Fulfilled);
        Assert.Single(await world.Maildev.WaitForEmailsAsync(e => Level(e, 1), expected: 2, TimeSpan.FromSeconds(2)));
        Assert.Empty(await world.Maildev.WaitForEmailsAsync(e => Level(e, 2), expected: 1, TimeSpan.FromSeconds(1)));
    }

    /// <summary>
    /// The acknowledgement link an escalation or Alert Form carries is <c>{PublicBaseUrl}api/ack/{token}</c>: the Acknowledge function's route
    /// (read from its trigger attribute) under the <c>api</c> prefix, and the running host answers it with the confirmation page.
    /// </summary>
    private static async Task AssertAcknowledgementLinkResolvesAsync(HubWorld world, string emailText)
    {
        var link = new Uri(Assert.Single(
            System.Text.RegularExpressions.Regex.Matches(emailText, @"https?://[^\s<>""]+").Select(m => m.Value),
            url => url.Contains("/ack/", StringComparison.Ordinal)));
        var route = world.Get<IReadOnlyList<ContinuityOfCare.LocalRunner.IndexedFunction>>().Single(f => f.Name == "Acknowledge").Route!;
        Assert.Equal("ack/{token}", route);
        Assert.Equal("http://127.0.0.1:7071", link.GetLeftPart(UriPartial.Authority));
        var token = link.AbsolutePath[("/api/" + route.Replace("{token}", "", StringComparison.Ordinal)).Length..];
        Assert.Equal("/api/" + route.Replace("{token}", token, StringComparison.Ordinal), link.AbsolutePath);
        Assert.NotEmpty(token);

        using var page = await world.App.Client.GetAsync(new Uri(link.PathAndQuery, UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("text/html", page.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Part8_RouteFailingFiveTimes_IsKeptInRoutePoison_AndReplayingItRoutesTheFile()
    {
        await using var world = await HubWorld.StartAsync(ChristmasEve1600);

        // No directory yet: routing cannot run and fails every attempt (visibility timeout 0 in tests).
        var sha = await world.DropAsync(InboxContainers.CourtResults, "results.csv", E2eFiles.ConsentingRemand);
        var poison = HubStorage.ForConnectionString(world.ConnectionString).Queue(PipelineQueues.PoisonOf(PipelineQueues.Route));
        var poisoned = await Eventually.GetAsync(async () =>
        {
            await poison.CreateIfNotExistsAsync();
            return (await poison.ReceiveMessagesAsync(1)).Value is { Length: 1 } messages ? messages[0] : null;
        }, "the route message in route-poison");

        // Replay (what `coc replay-poison route` does): the same text back on the stage queue, once the cause is fixed.
        await world.LoadReferenceDataAsync();
        await HubStorage.ForConnectionString(world.ConnectionString).Queue(PipelineQueues.Route).SendMessageAsync(poisoned.Body.ToString());
        await poison.DeleteMessageAsync(poisoned.MessageId, poisoned.PopReceipt);
        using var report = await world.WaitForRouteReportAsync(sha);
        Assert.Equal(2, (await world.Maildev.WaitForEmailsAsync(_ => true, expected: 2, TimeSpan.FromSeconds(30))).Count);
    }

    [Fact]
    public async Task Part7_HostStoppedMidBatchAndRestarted_EveryAlertSentExactlyOnce_NoEventOrObligationLost()
    {
        const int Clients = 8;
        var grace = new Dictionary<string, string?> { ["LocalRunner:ShutdownGrace"] = "00:00:05" };
        await using var world = await HubWorld.StartAsync(ChristmasEve1600, grace);
        await world.LoadReferenceDataAsync(E2eFiles.ConsentingClients(Clients));

        var sha = await world.DropAsync(InboxContainers.CourtResults, "results-batch.csv", E2eFiles.Remands(Clients));
        await world.Maildev.WaitForEmailsAsync(_ => true, expected: 1, TimeSpan.FromSeconds(60));
        await world.RestartAsync(grace);

        // Each remand: one form to HMP Leeds' SMT, one to Leeds CJIT (architecture.md "Reliability rules": exactly once).
        using var report = await world.WaitForRouteReportAsync(sha);
        var emails = await world.Maildev.WaitForEmailsAsync(_ => true, expected: 2 * Clients, TimeSpan.FromSeconds(60));
        Assert.Equal(2 * Clients, emails.Count);
        Assert.Equal(2 * Clients, emails.Select(e => e.MessageId).Distinct(StringComparer.Ordinal).Count());
        var obligations = report.RootElement.GetProperty("obligations").EnumerateArray().Select(o => o.GetProperty("id").GetString()!).ToList();
        Assert.NotEmpty(obligations);
        foreach (var id in obligations)
        {
            Assert.NotNull(await world.Get<ObligationStore>().GetAsync(id, CancellationToken.None));
        }

        var events = await world.Get<EventStore>().ListByClientAsync("E2E1001", CancellationToken.None);
        Assert.Single(events);

        // The runner's engine is in memory: the restart lost the waiting orchestrations, and start-up reconciliation
        // (or the redelivered route) started each obligation's again.
        var orchestrations = world.Get<IObligationEvents>();
        foreach (var id in obligations)
        {
            var running = await Eventually.GetAsync(async () => await orchestrations.DescribeAsync(id, withHistory: false, CancellationToken.None), "the orchestration of " + id);
            Assert.True(running.IsRunning);
        }
    }
}
