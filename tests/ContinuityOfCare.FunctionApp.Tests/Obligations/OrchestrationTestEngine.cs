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
/// names, with recording activities in place of the escalation email and a grace the test sets (seconds, not a
/// working day): time is controlled through short real timers, never asserted against the wall clock.
/// </summary>
internal sealed class OrchestrationTestEngine : IAsyncDisposable
{
    private readonly DurableTaskTestHost _host;

    private OrchestrationTestEngine(DurableTaskTestHost host, ConcurrentQueue<EscalationStep> escalations)
    {
        _host = host;
        Escalations = escalations;
        var services = new ServiceCollection().AddSingleton(host.Client).BuildServiceProvider();
        Events = new DurableObligationEvents(new DurableClientSource(services), SystemClock.Instance, NullLogger<DurableObligationEvents>.Instance);
    }

    /// <summary>Every escalation activity run, in order.</summary>
    public ConcurrentQueue<EscalationStep> Escalations { get; }

    /// <summary>The hub's view of the engine (what Route and the endpoints use).</summary>
    public DurableObligationEvents Events { get; }

    /// <summary>The engine's client.</summary>
    public DurableTaskClient Client => _host.Client;

    /// <summary>
    /// Starts an engine whose grace after each level is <paramref name="grace"/> and whose escalation activity answers
    /// <paramref name="escalated"/> (an <c>EscalationOutcome</c> name).
    /// </summary>
    public static async Task<OrchestrationTestEngine> StartAsync(TimeSpan grace, string escalated = "Escalated")
    {
        var escalations = new ConcurrentQueue<EscalationStep>();
        var host = await DurableTaskTestHost.StartAsync(tasks =>
        {
            tasks.AddOrchestrator(ObligationTasks.Orchestration, () => new ObligationOrchestrator());
            tasks.AddActivityFunc<EscalationStep, string>(ObligationTasks.Escalate, (_, step) =>
            {
                escalations.Enqueue(step);
                return escalated;
            });
            tasks.AddActivityFunc<EscalationStep, TimeSpan?>(ObligationTasks.Grace, (_, _) => grace);
        });
        return new OrchestrationTestEngine(host, escalations);
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
    public async Task WaitForEscalationsAsync(int count)
    {
        for (var i = 0; i < 600 && Escalations.Count < count; i++)
        {
            await Task.Delay(100);
        }
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
