using ContinuityOfCare.FunctionApp.Invocation;
using ContinuityOfCare.FunctionApp.Pipeline;

namespace ContinuityOfCare.FunctionApp.Functions.EscalationSweep;

/// <summary>
/// <c>EscalationSweep</c> (timer, every 15 minutes): the safety net behind the deadline-check messages (architecture.md
/// "What is and is not obtainable"). Reads only the overdue open obligations (the due index) and checks each
/// (<see cref="Escalator"/>: each level once, ever); reconciles outbox sends stuck in flight; and re-sends a send
/// message for every alert still Pending (the outbox sends each alert once, so an extra message is harmless).
/// </summary>
public sealed class EscalationSweepFunction(EscalationSweeper sweeper) : IHubFunction
{
    /// <summary>The function name.</summary>
    public const string Name = "EscalationSweep";

    /// <summary>The queue output binding.</summary>
    public const string SendOutput = "send";

    /// <inheritdoc />
    public async Task InvokeAsync(FunctionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var result = await sweeper.SweepAsync(cancellationToken).ConfigureAwait(false);
        foreach (var alertId in result.PendingAlertIds)
        {
            context.AddQueueMessage(SendOutput, alertId);
        }
    }
}
