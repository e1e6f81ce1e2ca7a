using System.Collections.Concurrent;
using ContinuityOfCare.FunctionApp.Obligations;
using ContinuityOfCare.Hub.Obligations;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;

namespace ContinuityOfCare.FunctionApp.Tests.Obligations;

/// <summary>
/// The real Durable Task engine in process, running the real <see cref="ObligationOrchestrator"/> under its function
/// names, with recording activities in place of the escalation email and its status, a grace the test sets and short retry and look intervals (seconds, not a
/// working day): time is controlled through short real timers, never asserted against the wall clock.
/// </summary>
internal sealed class OrchestrationTestEngine : IAsyncDisposable
{
    private readonly DurableTaskTestHost _host;

    private OrchestrationTestEngine(DurableTaskTestHost host, ConcurrentQueue<EscalationStep> escalations, ConcurrentQueue<EscalationStep> emailLooks)
    {
        _host = host;
        Escalations = escalations;
        EmailLooks = emailLooks;
        var services = new ServiceCollection().AddSingleton(host.Client).BuildServiceProvider();
        Events = new DurableObligationEvents(new DurableClientSource(services), SystemClock.Instance, NullLogger<DurableObligationEvents>.Instance);
    }

    /// <summary>Every escalation activity run, in order.</summary>
    public ConcurrentQueue<EscalationStep> Escalations { get; }

    /// <summary>The hub's view of the engine (what Route and the endpoints use).</summary>
    public DurableObligationEvents Events { get; }

    /// <summary>The engine's client.</summary>
    public DurableTaskClient Client => _host.Client;

    /// <summary>Every look at a queued level's email (the read-only status activity), in order.</summary>
    public ConcurrentQueue<EscalationStep> EmailLooks { get; }

    /// <summary>
    /// The orchestration's waits in tests: activity retries from 200 ms, email looks from 300 ms doubling to 1 s (the
    /// deployment's 30 s and 1–15 min would make each test minutes long; the code path is the same).
    /// </summary>
    public static ObligationTiming Timing { get; } = new(5, TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(300), TimeSpan.FromSeconds(1));

    /// <summary>
    /// Starts an engine whose grace after each level is <paramref name="grace"/> and whose escalation activity answers
    /// <paramref name="escalated"/> (an <c>EscalationOutcome</c> name); a queued email has always left at the first look.
    /// </summary>
    public static Task<OrchestrationTestEngine> StartAsync(TimeSpan grace, string escalated = "Escalated") =>
        StartAsync(grace, _ => escalated, _ => "Left");

    /// <summary>
    /// Starts an engine whose escalation activity runs <paramref name="escalate"/> (it may throw) and whose email status
    /// activity answers <paramref name="emailProgress"/> (an <c>EscalationEmailProgress</c> name).
    /// </summary>
    public static async Task<OrchestrationTestEngine> StartAsync(TimeSpan grace, Func<EscalationStep, string> escalate, Func<EscalationStep, string> emailProgress)
    {
        var escalations = new ConcurrentQueue<EscalationStep>();
        var looks = new ConcurrentQueue<EscalationStep>();
        var host = await DurableTaskTestHost.StartAsync(tasks =>
        {
            tasks.AddOrchestrator(ObligationTasks.Orchestration, () => new ObligationOrchestrator(Timing));
            tasks.AddActivityFunc<EscalationStep, string>(ObligationTasks.Escalate, (_, step) =>
            {
                escalations.Enqueue(step);
                return escalate(step);
            });
            tasks.AddActivityFunc<EscalationStep, string>(ObligationTasks.EscalationEmail, (_, step) =>
            {
                looks.Enqueue(step);
                return emailProgress(step);
            });
            tasks.AddActivityFunc<EscalationStep, TimeSpan?>(ObligationTasks.Grace, (_, _) => grace);
        });
        return new OrchestrationTestEngine(host, escalations, looks);
    }

    /// <summary>An obligation due at <paramref name="due"/>.</summary>
    public static ObligationStart Obligation(string id, DateTimeOffset due) =>
        new(id, "cjit.dir-to-prison", "CJIT-LEEDS", "C000123", due, "High", ObligationStart.LadderLevels, due.UtcDateTime);

    /// <summary>Waits until the orchestration has ended.</summary>
    public async Task<OrchestrationMetadata> CompletedAsync(string id)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        return await Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);
    }

    /// <summary>Waits until <paramref name="count"/> escalations have run (or a minute passed).</summary>
    public Task WaitForEscalationsAsync(int count) => WaitForAsync(() => Escalations.Count >= count);

    /// <summary>Waits until <paramref name="count"/> looks at queued emails have run (or a minute passed).</summary>
    public Task WaitForEmailLooksAsync(int count) => WaitForAsync(() => EmailLooks.Count >= count);

    private static async Task WaitForAsync(Func<bool> done)
    {
        for (var i = 0; i < 600 && !done(); i++)
        {
            await Task.Delay(100);
        }
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
