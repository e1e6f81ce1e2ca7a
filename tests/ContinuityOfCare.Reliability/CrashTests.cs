using System.Diagnostics;
using System.Globalization;
using System.Text;
using ContinuityOfCare.Hub.Pipeline;
using ContinuityOfCare.Ingestion.Samples;
using ContinuityOfCare.Reliability.Support;
using ContinuityOfCare.Testing;
using NodaTime;
using Xunit;
using Xunit.Abstractions;

namespace ContinuityOfCare.Reliability;

/// <summary>
/// Part 1 of docs/reliability.md: the local runner, as its own OS process, SIGKILLed (its whole process group) at
/// seeded moments while it ingests, routes, sends and escalates a generated world, and restarted each time against the
/// same on-disk Azurite and the same maildev. At the end every expected Alert Form reached maildev exactly once (by
/// Message-ID and by recipient + alert id) or, where the outbox's residual window opened, once more with the same
/// Message-ID and the repeat counted; every planned obligation exists once and had its orchestration; every escalation
/// level recorded was emailed once; no poison message. "Expected" comes from <c>coc plan</c> on the same files.
/// </summary>
[Collection(SuiteCollection.Name)]
public sealed class CrashTests(ITestOutputHelper output)
{
    private static readonly Instant WorldNow = SampleWorldGenerator.IntendedNow;

    /// <summary>The domain part of every Message-ID the hub writes.</summary>
    private const string Domain = "@continuity-of-care.hub";

    [Fact]
    public async Task Crash_RunnerSigkilledAtSeededMomentsThroughIngestRouteSendAndEscalation_EveryFormOnceEveryObligationOnceEveryLevelOnce()
    {
        var size = SuiteSize.Current;
        using var bound = new CancellationTokenSource(size.Bound);
        var token = bound.Token;
        var random = new Random(size.Seed);
        var work = Directory.CreateTempSubdirectory("coc-crash-").FullName;
        using var log = new LogSink(Path.Combine(work, "runner.log"));
        var world = await GeneratedWorld.WriteAsync(new SampleSettings(size.Seed, size.Clients, size.Defendants), Path.Combine(work, "world"));
        var plan = await PlannedOutcome.ComputeAsync(world.ClientsFile, world.DirectoryFile, world.Feeds, WorldNow);
        output.WriteLine($"size {size.Name}: {plan.Events} events, {plan.ReadyAlerts.Count} Alert Forms to send, {plan.HeldAlerts.Count} held, {plan.Obligations.Count} obligations");
        Assert.True(plan.ReadyAlerts.Count > 0 && plan.Obligations.Count > 0, "the generated world must produce alerts and obligations");

        await using var azurite = await AzuriteOnDisk.StartAsync(Path.Combine(work, "azurite"), log);
        await using var maildev = await MaildevServer.StartAsync(token);
        await using var queues = new QueueSampler(azurite.ConnectionString);
        var settings = new RunnerSettings(azurite.ConnectionString, maildev.SmtpPort);
        var probe = new HubProbe(azurite.ConnectionString);
        var clock = new ContinuousClock(WorldNow);
        var kills = new List<string>();
        var runner = await RunnerProcess.StartAsync(settings, clock.NextStart(), log);
        var passed = false;
        try
        {
            // Reference data first, as the main job drops it.
            await probe.DropAsync("directory", world.DirectoryFile, token);
            await Bounded.UntilAsync(async () => await HubProbe.DirectoryVersionAsync(runner.Port) is not null, TimeSpan.FromSeconds(90), "the SPOC directory import", token);
            var register = await probe.DropAsync("clients", world.ClientsFile, token);
            await Bounded.UntilAsync(async () => await probe.IngestStatusAsync(register, token) is "Processed", TimeSpan.FromMinutes(5), "the register import", token);

            // Delivery: every feed file dropped at once; kills at seeded moments aimed at ingest, route and send.
            var feeds = new List<string>();
            foreach (var (container, path) in world.Feeds)
            {
                feeds.Add(await probe.DropAsync(container, path, token));
            }

            string[] aims = ["ingest", "route", "send"];
            for (var k = 0; k < size.DeliveryKills; k++)
            {
                var aim = aims[k % aims.Length];
                var fraction = 0.1 + (0.7 * random.NextDouble());
                await WaitForMomentAsync(aim, fraction, probe, feeds, maildev, plan, token);
                await Task.Delay(random.Next(0, 400), token);
                var state = await DescribeAsync(probe, feeds, maildev, token);
                await runner.KillAsync();
                kills.Add($"kill {kills.Count + 1} aimed mid-{aim}: {state}");
                output.WriteLine(kills[^1]);
                await runner.DisposeAsync();
                runner = await RunnerProcess.StartAsync(settings, clock.NextStart(), log);
            }

            await Bounded.UntilAsync(async () => await probe.FinishedAsync(feeds, token) == feeds.Count, TimeSpan.FromMinutes(size.Name == "ci" ? 3 : 20), "every feed file routed", token, size.Poll);
            // Every form is in the outbox and the stage queues are empty. A form a kill left claimed or Sending has had
            // its send message completed by a redelivery that found it in flight (InFlightElsewhere): the outbox sweep
            // picks it up once the attempt is older than Mail:Outbox:InFlightTimeout — the first escalation phase starts
            // 10 s before a sweep with the clock days on.
            var quiet = 0;
            await Bounded.UntilAsync(async () =>
            {
                var outbox = await probe.OutboxAsync(token);
                quiet = plan.ReadyAlerts.Keys.All(outbox.ContainsKey) && await probe.StageDepthAsync(token) == 0 ? quiet + 1 : 0;
                return quiet >= 8;
            }, TimeSpan.FromMinutes(size.Name == "ci" ? 3 : 30), "every Alert Form in the outbox and the stage queues empty", token, size.Poll);

            // Every open obligation has its orchestration in the running process (after a kill: by start-up reconciliation).
            await Bounded.UntilAsync(async () => await ObligationsWithoutOrchestrationAsync(runner.Port, token) == 0, TimeSpan.FromMinutes(size.Name == "ci" ? 2 : 10), "every open obligation to have its orchestration", token, size.Poll);

            // Escalation: the clock jumps past every due instant, then past each grace; a kill mid-burst at each level.
            var lastDue = (await HubProbe.ObligationsAsync(runner.Port, token)).Count;
            Assert.Equal(plan.Obligations.Count, lastDue);
            var phaseStart = NextQuarterHourLessTenSeconds(WorldNow + Duration.FromDays(70));
            for (var level = 1; level <= size.EscalationLevels; level++)
            {
                await runner.StopAsync();
                await runner.DisposeAsync();
                runner = await RunnerProcess.StartAsync(settings, clock.NextStart(phaseStart), log);
                for (var k = 0; k < 1; k++)
                {
                    var target = Math.Max(1, (int)(EscalatableCount(await HubProbe.ObligationsAsync(runner.Port, token)) * (0.1 + (0.6 * random.NextDouble()))));
                    await Bounded.UntilAsync(async () => LevelsRecorded(await HubProbe.ObligationsAsync(runner.Port, token), level) >= target, TimeSpan.FromMinutes(size.Name == "ci" ? 2 : 20), $"{target} level-{level} escalations", token, TimeSpan.FromMilliseconds(200));
                    var snapshot = await HubProbe.ObligationsAsync(runner.Port, token);
                    await runner.KillAsync();
                    kills.Add($"kill {kills.Count + 1} aimed mid-escalation level {level}: {LevelsRecorded(snapshot, level)} of {EscalatableCount(snapshot)} level-{level} escalations recorded");
                    output.WriteLine(kills[^1]);
                    await runner.DisposeAsync();
                    runner = await RunnerProcess.StartAsync(settings, clock.NextStart(), log);
                }

                var reached = level;
                await Bounded.UntilAsync(async () =>
                    (await HubProbe.ObligationsAsync(runner.Port, token)).All(o => IsClosed(o) || o.EscalationLevels.Contains(reached)),
                    TimeSpan.FromMinutes(size.Name == "ci" ? 2 : 20), $"every open obligation escalated to level {level}", token, TimeSpan.FromSeconds(1));

                // The next level's grace runs from this level's email being sent (docs/domain.md "Escalation"), and the
                // kill left some Pending or Sending: a restart 10 s before a quarter hour, the clock past every in-flight
                // timeout, lets the outbox sweep send them before the clock jumps past the grace.
                await runner.StopAsync();
                await runner.DisposeAsync();
                runner = await RunnerProcess.StartAsync(settings, clock.NextStart(NextQuarterHourLessTenSeconds(clock.Now + Duration.FromMinutes(2))), log);
                await Bounded.UntilAsync(async () => (await probe.OutboxAsync(token)).Values.All(row => row.Status is not ("Pending" or "Sending")),
                    TimeSpan.FromMinutes(size.Name == "ci" ? 2 : 20), $"every level-{level} escalation email to leave the outbox", token, size.Poll);
                phaseStart = NextQuarterHourLessTenSeconds(clock.Now + Duration.FromDays(7));
            }

            // A last (graceful) restart 10 s before a quarter hour, the clock past every in-flight timeout: its outbox
            // sweep repeats what the last kill cut off — forms and escalation levels alike.
            await runner.StopAsync();
            await runner.DisposeAsync();
            runner = await RunnerProcess.StartAsync(settings, clock.NextStart(NextQuarterHourLessTenSeconds(clock.Now + Duration.FromMinutes(2))), log);

            // The last runner keeps going until the outbox sweep (due 10 s after each phase start) has reconciled any
            // attempt a kill left unanswered, and maildev has stored everything.
            await Bounded.UntilAsync(async () =>
            {
                var outbox = await probe.OutboxAsync(token);
                return plan.ReadyAlerts.Keys.All(id => outbox[id].Status is not ("Pending" or "Sending")) && await probe.StageDepthAsync(token) == 0;
            }, TimeSpan.FromMinutes(size.Name == "ci" ? 3 : 10), "the outbox to settle", token, size.Poll);
            // A level's email is an outbox row like a form's: one a kill left unanswered is repeated (labelled) by the
            // outbox sweep once the attempt is older than Mail:Outbox:InFlightTimeout.
            var obligations = await HubProbe.ObligationsAsync(runner.Port, token);
            try
            {
                await Bounded.UntilAsync(async () =>
                {
                    var ids = (await MaildevReader.AllAsync(maildev, token)).Select(e => e.MessageId).ToHashSet(StringComparer.Ordinal);
                    return obligations.All(o => o.EscalationLevels.All(l => ids.Contains($"escalation-{o.Id}-l{l}@continuity-of-care.hub")));
                }, TimeSpan.FromMinutes(size.Name == "ci" ? 3 : 10), "every recorded escalation level emailed", token, TimeSpan.FromSeconds(size.Name == "ci" ? 2 : 60));
            }
            catch (TimeoutException)
            {
                // judged below, with the ids
            }

            // maildev stores a message a moment after its 250: read until every form the outbox holds as Sent is there
            // and two reads agree (a second copy the relay accepted would be stored in the same moment).
            IReadOnlyList<MaildevEmail> emails = [];
            var previousCount = -1;
            try
            {
                await Bounded.UntilAsync(async () =>
                {
                    emails = await MaildevReader.AllAsync(maildev, token);
                    var ids = emails.Select(e => e.MessageId).ToHashSet(StringComparer.Ordinal);
                    var outbox = await probe.OutboxAsync(token);
                    var stored = plan.ReadyAlerts.Keys.Where(id => outbox.TryGetValue(id, out var row) && row.Status == "Sent").All(id => ids.Contains(id + Domain));
                    var stable = emails.Count == previousCount;
                    previousCount = emails.Count;
                    return stored && stable;
                }, TimeSpan.FromSeconds(60), "maildev to hold every form the outbox sent", token, TimeSpan.FromMilliseconds(300));
            }
            catch (TimeoutException)
            {
                // judged below: the verdict names every form missing from maildev
            }

            var hubNotices = await probe.HubNoticeKeysAsync(token);
            var finalOutbox = await probe.OutboxAsync(token);
            var poison = await probe.PoisonAsync(token);
            await runner.StopAsync();

            var verdict = Judge(plan, obligations, emails, finalOutbox, poison, hubNotices, size.EscalationLevels);
            var figures = new StringBuilder()
                .AppendLine(CultureInfo.InvariantCulture, $"size {size.Name}, seed {size.Seed}: {plan.Events} events, {kills.Count} kills")
                .AppendLine(string.Join('\n', kills))
                .Append(verdict.Figures);
            output.WriteLine(figures.ToString());
            await File.WriteAllTextAsync(Path.Combine(Path.GetTempPath(), $"coc-reliability-crash-{size.Name}.txt"), figures.ToString(), CancellationToken.None);
            Assert.True(kills.Count >= size.TotalKills, $"only {kills.Count} kills");
            Assert.True(verdict.Problems.Count == 0, string.Join('\n', verdict.Problems.Take(40)) + "\n" + verdict.Figures);

            // Part 5 on the crash world: every trace the runs left, searched for the register's and strangers' values.
            log.Flush();
            var scan = await PrivacyScanner.ScanAsync(PersonalData.From(world.World), plan.AlertClients, azurite.ConnectionString, [log.FilePath], emails, token, queues);
            output.WriteLine(scan.Summary);
            Assert.True(scan.Leaks.Count == 0, scan.Summary + "\n" + string.Join('\n', scan.Leaks.Take(40)));
            passed = true;
        }
        finally
        {
            await runner.DisposeAsync();
            if (passed)
            {
                TryDelete(work);
            }
            else
            {
                output.WriteLine($"kept for diagnosis: {work} (runner.log, azurite/, world/)");
            }
        }
    }

    private static async Task WaitForMomentAsync(string aim, double fraction, HubProbe probe, IReadOnlyList<string> feeds, MaildevServer maildev, PlannedOutcome plan, CancellationToken token)
    {
        var within = TimeSpan.FromSeconds(60);
        try
        {
            if (await PhaseOverAsync(aim, fraction, probe, feeds, token))
            {
                // The aimed moment has passed (every file ingested; the fraction of files already routed): a kill now
                // would only cut off, again, the ingest and route invocations the last kill cut off — each runner takes
                // them over at once, and a large file's route outlives a runner killed seconds after it starts. Five
                // such kills in a row are a crash loop, which the host's poison rule (maxDequeueCount 5, as in the
                // Functions host: a message that kills its host must not do so forever) rightly ends by moving the
                // message to <queue>-poison. So this kill waits until that work is finished, and lands in whatever runs
                // then (sending, as a rule).
                await Bounded.UntilAsync(async () => await probe.DepthAsync([PipelineQueues.Ingest, PipelineQueues.Route], token) == 0,
                    TimeSpan.FromMinutes(15), "the ingest and route work the last kill cut off to finish", token, TimeSpan.FromMilliseconds(500));
                await Task.Delay(TimeSpan.FromMilliseconds(fraction * 3000), token);
                return;
            }

            switch (aim)
            {
                case "ingest":
                    // Within the first moments after a (re)start some file is still unclaimed or unrouted.
                    await Task.Delay(TimeSpan.FromMilliseconds(300 + (fraction * 1500)), token);
                    break;
                case "route":
                    await Bounded.UntilAsync(async () => await probe.FinishedAsync(feeds, token) >= Math.Max(1, (int)(feeds.Count * fraction)), within, "routing under way", token, TimeSpan.FromMilliseconds(100));
                    break;
                default:
                    var target = Math.Max(1, (int)(plan.ReadyAlerts.Count * fraction));
                    await Bounded.UntilAsync(async () => await probe.SentCountAsync(token) >= target, within, "sending under way", token, TimeSpan.FromMilliseconds(100));
                    break;
            }
        }
        catch (TimeoutException)
        {
            // The moment passed (the phase finished first): kill anyway; the description says where it landed.
        }
    }

    /// <summary>True when a kill aimed at ingest or route would land after its moment: every file ingested, or the aimed fraction of files already routed.</summary>
    private static async Task<bool> PhaseOverAsync(string aim, double fraction, HubProbe probe, IReadOnlyList<string> feeds, CancellationToken token)
    {
        switch (aim)
        {
            case "ingest":
                foreach (var sha in feeds)
                {
                    if (await probe.IngestStatusAsync(sha, token) is not ("Processed" or "Rejected"))
                    {
                        return false;
                    }
                }

                return true;
            case "route":
                return await probe.FinishedAsync(feeds, token) >= Math.Max(1, (int)(feeds.Count * fraction));
            default:
                return false;
        }
    }

    private static async Task<string> DescribeAsync(HubProbe probe, IReadOnlyList<string> feeds, MaildevServer maildev, CancellationToken token)
    {
        var ingested = 0;
        foreach (var sha in feeds)
        {
            if (await probe.IngestStatusAsync(sha, token) is "Processed" or "Rejected")
            {
                ingested++;
            }
        }

        var routed = await probe.FinishedAsync(feeds, token);
        var sent = await probe.SentCountAsync(token);
        var queued = await probe.StageDepthAsync(token);
        return $"{ingested}/{feeds.Count} files ingested, {routed}/{feeds.Count} routed, {queued} stage messages queued, {sent} Alert Forms sent";
    }

    private static async Task<int> ObligationsWithoutOrchestrationAsync(int port, CancellationToken token)
    {
        using var http = HubProbe.Api(port);
        var missing = 0;
        foreach (var obligation in (await HubProbe.ObligationsAsync(port, token)).Where(o => !IsClosed(o)))
        {
            if (await HubProbe.OrchestrationStatusAsync(http, obligation.Id, token) is null)
            {
                missing++;
            }
        }

        return missing;
    }

    private static bool IsClosed(ObligationView obligation) => obligation.Status is "fulfilledOnTime" or "fulfilledLate" or "cancelled";

    private static int EscalatableCount(IReadOnlyList<ObligationView> obligations) => obligations.Count(o => !IsClosed(o));

    private static int LevelsRecorded(IReadOnlyList<ObligationView> obligations, int level) => obligations.Count(o => o.EscalationLevels.Contains(level));

    /// <summary>The next quarter hour minus 10 s: the outbox sweep (every 15 min) then runs 10 s after a runner starts.</summary>
    private static Instant NextQuarterHourLessTenSeconds(Instant after)
    {
        var ticks = Duration.FromMinutes(15).BclCompatibleTicks;
        var next = Instant.FromUnixTimeTicks(((after.ToUnixTimeTicks() / ticks) + 1) * ticks);
        return next - Duration.FromSeconds(10);
    }

    internal static CrashVerdict Judge(
        PlannedOutcome plan, IReadOnlyList<ObligationView> obligations, IReadOnlyList<MaildevEmail> emails,
        IReadOnlyDictionary<string, (string Status, int Repeats)> outbox, IReadOnlyDictionary<string, int> poison, IReadOnlySet<string> hubNotices, int levels)
    {
        var problems = new List<string>();
        var byMessageId = emails.Where(e => e.MessageId is not null).GroupBy(e => e.MessageId!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        int delivered = 0, duplicated = 0, labelledRepeats = 0, missing = 0;
        foreach (var (alertId, recipient) in plan.ReadyAlerts)
        {
            var copies = byMessageId.GetValueOrDefault(alertId + Domain) ?? [];
            var row = outbox.TryGetValue(alertId, out var r) ? r : ("(no outbox row)", 0);
            var toRecipient = copies.Count(c => c.To.Contains(recipient, StringComparer.OrdinalIgnoreCase));
            if (toRecipient != copies.Count)
            {
                problems.Add($"alert {alertId}: {copies.Count - toRecipient} copies went to someone other than {recipient}");
            }

            switch (copies.Count)
            {
                case 0:
                    missing++;
                    problems.Add($"alert {alertId} never reached maildev (outbox {row.Item1}, repeats {row.Item2})");
                    break;
                case 1:
                    delivered++;
                    break;
                default:
                    delivered++;
                    var labelled = copies.Count(c => (c.Text ?? "").Contains("This may repeat", StringComparison.Ordinal));
                    if (row.Item2 >= copies.Count - 1 && labelled >= copies.Count - 1)
                    {
                        labelledRepeats += copies.Count - 1;
                    }
                    else
                    {
                        duplicated += copies.Count - 1;
                        problems.Add($"alert {alertId} reached maildev {copies.Count} times; outbox repeats {row.Item2}, labelled copies {labelled}: a silent duplicate");
                    }

                    break;
            }
        }

        var alertLike = byMessageId.Keys.Where(id => id.Length == 32 + Domain.Length && id.EndsWith(Domain, StringComparison.Ordinal)).Select(id => id[..32]);
        foreach (var stray in alertLike.Where(id => !plan.ReadyAlerts.ContainsKey(id)))
        {
            problems.Add($"maildev holds alert {stray}, which the plan does not send");
        }

        var obligationIds = obligations.GroupBy(o => o.Id, StringComparer.Ordinal).ToList();
        foreach (var twice in obligationIds.Where(g => g.Count() > 1))
        {
            problems.Add($"obligation {twice.Key} listed {twice.Count()} times");
        }

        var stored = obligationIds.Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        problems.AddRange(plan.Obligations.Where(id => !stored.Contains(id)).Select(id => $"planned obligation {id} is not stored"));
        problems.AddRange(stored.Where(id => !plan.Obligations.Contains(id)).Select(id => $"stored obligation {id} was not planned"));

        int levelEmails = 0, levelMissing = 0, levelDuplicated = 0, levelRepeated = 0, levelUndelivered = 0;
        foreach (var obligation in obligations)
        {
            // The clock runs on after the last phase jump, so a ladder may go beyond the levels walked: each level is
            // still judged below, by its email.
            if (!IsClosed(obligation) && !Enumerable.Range(1, levels).All(obligation.EscalationLevels.Contains))
            {
                problems.Add($"open obligation {obligation.Id} reached levels [{string.Join(',', obligation.EscalationLevels)}], not 1 to {levels}");
            }

            for (var level = 1; level <= 3; level++)
            {
                var copies = byMessageId.GetValueOrDefault($"escalation-{obligation.Id}-l{level}{Domain}") ?? [];
                var count = copies.Count;
                var repeats = outbox.TryGetValue($"escalation-{obligation.Id}-l{level}", out var escalationRow) ? escalationRow.Repeats : 0;
                var recorded = obligation.EscalationLevels.Contains(level);
                levelEmails += count;
                if (recorded && count == 0 && hubNotices.Contains($"escalation-{obligation.Id}-l{level}-EscalationUndelivered"))
                {
                    levelUndelivered++;
                    problems.Add($"obligation {obligation.Id} level {level}: no email, reported by an EscalationUndelivered notice");
                }
                else if (recorded && count == 0)
                {
                    levelMissing++;
                    problems.Add($"obligation {obligation.Id} level {level} is recorded as sent but no email reached maildev, and no notice says so");
                }
                else if (count > 1 && repeats >= count - 1 && copies.Count(c => (c.Text ?? "").Contains("This may repeat", StringComparison.Ordinal)) >= count - 1)
                {
                    levelRepeated += count - 1;
                }
                else if (count > 1)
                {
                    levelDuplicated += count - 1;
                    problems.Add($"obligation {obligation.Id} level {level} emailed {count} times");
                }
                else if (!recorded && count > 0)
                {
                    problems.Add($"obligation {obligation.Id} level {level} emailed but not recorded");
                }
            }
        }

        foreach (var (queue, depth) in poison.Where(p => p.Value > 0))
        {
            problems.Add($"{depth} message(s) in {queue}");
        }

        var figures = string.Create(CultureInfo.InvariantCulture,
            $"Alert Forms expected {plan.ReadyAlerts.Count}, delivered {delivered}, silently duplicated {duplicated}, labelled repeats (reported) {labelledRepeats}, missing {missing}\n" +
            $"obligations planned {plan.Obligations.Count}, stored {stored.Count}; escalation emails {levelEmails}, missing silently {levelMissing}, undelivered with a notice {levelUndelivered}, silently duplicated {levelDuplicated}, labelled repeats (counted by the outbox) {levelRepeated}\n" +
            $"outbox: {string.Join(", ", outbox.Values.GroupBy(v => v.Status).Select(g => $"{g.Key} {g.Count()}"))}; poison messages {poison.Values.Sum()}; emails in maildev {emails.Count}");
        return new CrashVerdict(problems, figures);
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // a leftover temp folder is harmless
        }
        catch (UnauthorizedAccessException)
        {
            // likewise
        }
    }
}

internal sealed record CrashVerdict(IReadOnlyList<string> Problems, string Figures);
