extern alias functionapp;

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using ContinuityOfCare.Benchmarks.Mail;
using ContinuityOfCare.Core.Alerts;
using ContinuityOfCare.Core.Directory;
using ContinuityOfCare.Core.Events;
using ContinuityOfCare.Core.Planning;
using ContinuityOfCare.Mail.Rendering;
using ContinuityOfCare.Mail.Transport;
using functionapp::ContinuityOfCare.FunctionApp.Obligations;
using functionapp::ContinuityOfCare.Hub.Obligations;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NodaTime;

namespace ContinuityOfCare.Benchmarks.Orchestrations;

/// <summary>
/// docs/benchmarks.md "Obligation orchestrations": N waiting obligation orchestrations on the local runner's engine
/// (the in-process Durable Task engine), M of them falling due at the same instant; the time from that instant until
/// the M-th level-1 email has been handed to an SMTP server (render + the resilient sender + a local SMTP sink), and
/// the managed memory held per waiting orchestration. The orchestrator is the function app's; the level-1 activity
/// renders and sends without the obligations table (Table storage is measured in docs/pipeline.md), so the figure is
/// the engine's and the mail hand-off's.
/// </summary>
internal static class EscalationBurstHarness
{
    public static async Task<int> RunAsync(string[] args)
    {
        var waiting = Read(args, "--waiting", 10_000);
        var due = Read(args, "--due", 1_000);
        using var sink = new SmtpSink();
        var smtp = Options.Create(new SmtpOptions { Host = "127.0.0.1", Port = sink.Port, RequireStartTls = false, SenderAddress = "hub@continuity.gov.uk" });
        using var pool = new SmtpConnectionPool(smtp, TimeProvider.System);
        using var sender = new ResilientMailSender(new SmtpTransport(pool, smtp), smtp, Options.Create(new MailResilienceOptions { MessagesPerMinute = 0 }),
            TimeProvider.System, NullLogger<ResilientMailSender>.Instance);
        var factory = new AlertEmailFactory(new AlertFormRenderer(), smtp);
        var handedAt = new ConcurrentBag<long>();

        await using var host = await DurableTaskTestHost.StartAsync(tasks =>
        {
            tasks.AddOrchestrator(ObligationTasks.Orchestration, () => new ObligationOrchestrator());
            tasks.AddActivityFunc<EscalationStep, string>(ObligationTasks.Escalate, async (_, step) =>
            {
                var email = factory.Create(Form(step.ObligationId), Instant.FromDateTimeUtc(DateTime.UtcNow));
                var outcome = await sender.SendAsync(email, CancellationToken.None).ConfigureAwait(false);
                if (outcome.Kind == DeliveryOutcomeKind.Sent)
                {
                    handedAt.Add(Stopwatch.GetTimestamp());
                }

                return outcome.Kind.ToString();
            });
            tasks.AddActivityFunc<EscalationStep, TimeSpan?>(ObligationTasks.Grace, (_, _) => TimeSpan.FromDays(1));
        }).ConfigureAwait(false);
        var client = host.Client;

        var before = Managed();
        var scheduling = Stopwatch.StartNew();
        var farFuture = DateTimeOffset.UtcNow.AddDays(30);
        await StartAllAsync(client, Enumerable.Range(0, waiting - due).Select(i => Start("w" + i.ToString("D6", CultureInfo.InvariantCulture), farFuture))).ConfigureAwait(false);
        await WaitUntilWaitingAsync(client, "w" + (waiting - due - 1).ToString("D6", CultureInfo.InvariantCulture)).ConfigureAwait(false);
        var perSecond = (waiting - due) / scheduling.Elapsed.TotalSeconds;
        await Task.Delay(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        var held = Managed() - before;

        // The burst: every one of them due at the same instant, far enough ahead to have started them all before it.
        var lead = TimeSpan.FromSeconds(Math.Max(15, 3 * due / perSecond));
        var dueAt = DateTimeOffset.UtcNow + lead;
        await StartAllAsync(client, Enumerable.Range(0, due).Select(i => Start("d" + i.ToString("D6", CultureInfo.InvariantCulture), dueAt))).ConfigureAwait(false);
        var startedBeforeDue = DateTimeOffset.UtcNow < dueAt;
        var dueTimestamp = Stopwatch.GetTimestamp() + (long)((dueAt - DateTimeOffset.UtcNow).TotalSeconds * Stopwatch.Frequency);
        var deadline = DateTimeOffset.UtcNow + lead + TimeSpan.FromMinutes(10);
        while (handedAt.Count < due && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(50).ConfigureAwait(false);
        }

        var last = handedAt.IsEmpty ? dueTimestamp : handedAt.Max();
        var seconds = (last - dueTimestamp) / (double)Stopwatch.Frequency;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"orchestrations waiting: {waiting - due} (+ {due} due together), started at {perSecond:0} per second"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"managed memory held by {waiting - due} waiting orchestrations: {held / 1048576.0:0.0} MiB = {held / (double)(waiting - due) / 1024:0.0} KiB each (process working set {Environment.WorkingSet / 1048576.0:0} MiB)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"due instant → {handedAt.Count}/{due} level-1 emails handed to SMTP: {seconds:0.0} s (all started before the due instant: {startedBeforeDue})"));
        return handedAt.Count == due && startedBeforeDue ? 0 : 1;
    }

    private static ObligationStart Start(string id, DateTimeOffset due) =>
        new(id, "cjit.dir-to-prison", "CJ-LDS", "CL-" + id, due, "Standard", ObligationStart.LadderLevels, due.UtcDateTime);

    private static async Task StartAllAsync(DurableTaskClient client, IEnumerable<ObligationStart> starts)
    {
        await Parallel.ForEachAsync(starts, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (start, ct) =>
            await client.ScheduleNewOrchestrationInstanceAsync(ObligationTasks.Orchestration, start, new StartOrchestrationOptions(start.ObligationId), ct).ConfigureAwait(false))
            .ConfigureAwait(false);
    }

    private static async Task WaitUntilWaitingAsync(DurableTaskClient client, string lastId)
    {
        for (var i = 0; i < 1200; i++)
        {
            if (await client.GetInstanceAsync(lastId, getInputsAndOutputs: true).ConfigureAwait(false) is { SerializedCustomStatus: not null })
            {
                return;
            }

            await Task.Delay(100).ConfigureAwait(false);
        }
    }

    private static long Managed()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static int Read(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static AlertForm Form(string id) => new(
        id, "CC-2026-" + id, EventKind.TransferredBetweenPrisons, "000 §PP8",
        new AlertParty("CJ-LDS", "Leeds CJIT", OrgType.Cjit, "Duty SPOC", "cjit.leeds@nhs.net", "0113 000 1111", "0800 000 2222"),
        new AlertParty("WDI", "HMP Wakefield", OrgType.PrisonSmt, null, "smt.wakefield@justice.gov.uk", "01924 612 000", null),
        new AlertClientDetails("CL-1", "Sample Person", new LocalDate(1990, 1, 2), "A1234BC", "2012/0123456X"),
        [ChangeBox.TransferredToAnotherPrison],
        "Overdue: level 1.",
        "transferred (HMP Leeds → HMP Wakefield)",
        new AlertRequest(id, "cjit.dir-to-prison", "Contact the prison.", Instant.FromUtc(2026, 12, 29, 9, 0)),
        "benchmark",
        Instant.FromUtc(2026, 12, 24, 16, 0));
}
