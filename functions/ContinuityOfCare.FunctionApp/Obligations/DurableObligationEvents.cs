using ContinuityOfCare.Hub.Obligations;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace ContinuityOfCare.FunctionApp.Obligations;

/// <summary>
/// <see cref="IObligationEvents"/> on the Durable Task client: instance id = obligation id, so starting twice starts
/// once; events go only to an orchestration still running (one that has ended has nothing left to stop).
/// </summary>
public sealed partial class DurableObligationEvents(DurableClientSource source, IClock clock, ILogger<DurableObligationEvents> logger) : IObligationEvents
{
    /// <summary>
    /// A hub clock this far from the engine's is a shifted clock (the demo's <c>--now</c>, end-to-end tests), and the
    /// deadline timer is moved by the same offset; closer, it is the same clock read a moment apart.
    /// </summary>
    public static readonly TimeSpan ShiftedClockThreshold = TimeSpan.FromSeconds(1);

    /// <inheritdoc />
    public async Task<bool> StartAsync(ObligationStart start, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(start);
        var client = source.Client;
        if (await client.GetInstanceAsync(start.ObligationId, getInputsAndOutputs: false, cancellationToken).ConfigureAwait(false) is not null)
        {
            return false;
        }

        var offset = (clock.GetCurrentInstant() - Instant.FromDateTimeUtc(DateTime.UtcNow)).ToTimeSpan();
        var timerAt = offset.Duration() < ShiftedClockThreshold ? start.Due.UtcDateTime : start.Due.UtcDateTime - offset;
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(
                ObligationTasks.Orchestration, start with { TimerAt = timerAt }, new StartOrchestrationOptions(start.ObligationId), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            if (await client.GetInstanceAsync(start.ObligationId, getInputsAndOutputs: false, CancellationToken.None).ConfigureAwait(false) is null)
            {
                throw;
            }

            // Started meanwhile by a racing Route or reconciliation: "already exists" is success.
            LogAlreadyStarted(start.ObligationId);
            return false;
        }

        return true;
    }

    /// <inheritdoc />
    public Task RaiseFulfilledAsync(string obligationId, ObligationFulfilled fulfilled, CancellationToken cancellationToken) =>
        RaiseAsync(obligationId, ObligationEventNames.Fulfilled, fulfilled, cancellationToken);

    /// <inheritdoc />
    public Task RaiseClosedAsync(string obligationId, ObligationClosed closed, CancellationToken cancellationToken) =>
        RaiseAsync(obligationId, ObligationEventNames.Closed, closed, cancellationToken);

    /// <inheritdoc />
    public async Task<ObligationOrchestration?> DescribeAsync(string obligationId, bool withHistory, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(obligationId);
        var client = source.Client;
        var instance = await client.GetInstanceAsync(obligationId, getInputsAndOutputs: true, cancellationToken).ConfigureAwait(false);
        if (instance is null)
        {
            return null;
        }

        var progress = instance.ReadCustomStatusAs<ObligationProgress>();
        return new ObligationOrchestration(obligationId, instance.RuntimeStatus.ToString(), progress?.Step,
            instance.CreatedAt, instance.LastUpdatedAt, withHistory ? progress?.History ?? [] : []);
    }

    private async Task RaiseAsync(string obligationId, string name, object payload, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(obligationId);
        var client = source.Client;
        var instance = await client.GetInstanceAsync(obligationId, getInputsAndOutputs: false, cancellationToken).ConfigureAwait(false);
        if (instance is null || !instance.IsRunning)
        {
            LogNotRunning(obligationId, name);
            return;
        }

        await client.RaiseEventAsync(obligationId, name, payload, cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(EventId = 6411, Level = LogLevel.Information, Message = "Obligation {ObligationId}: orchestration already started")]
    private partial void LogAlreadyStarted(string obligationId);

    [LoggerMessage(EventId = 6412, Level = LogLevel.Information, Message = "Obligation {ObligationId}: no running orchestration for {EventName}")]
    private partial void LogNotRunning(string obligationId, string eventName);
}
