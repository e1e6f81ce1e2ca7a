using ContinuityOfCare.Hub.Obligations;
using Microsoft.DurableTask;

namespace ContinuityOfCare.FunctionApp.Obligations;

/// <summary>
/// One obligation's life (docs/pipeline.md "Obligations as orchestrations"; the Durable Functions human-interaction
/// pattern): it waits for whichever comes first, the <c>fulfilled</c> event or the deadline timer; past due it runs
/// level 1, waits the grace (computed by an activity from the working-day calendar), level 2, the grace, level 3,
/// stopping the moment <c>fulfilled</c> arrives. A <c>closed</c> event ends it without escalation.
/// <para>Deterministic, as orchestrator code must be: the context's clock only, no I/O; every side effect is an
/// activity (each level once, by the store's guard row, so a replayed activity sends nothing twice). Hosted by the
/// function app's <c>[OrchestrationTrigger]</c> function and by the local runner's in-process engine alike.</para>
/// </summary>
public sealed class ObligationOrchestrator : TaskOrchestrator<ObligationStart, ObligationOutcome>
{
    /// <inheritdoc />
    public override async Task<ObligationOutcome> RunAsync(TaskOrchestrationContext context, ObligationStart input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        // Raised events are buffered by the engine, so one raised before these waits begin is not lost.
        var fulfilled = context.WaitForExternalEvent<ObligationFulfilled>(ObligationEventNames.Fulfilled);
        var closed = context.WaitForExternalEvent<ObligationClosed>(ObligationEventNames.Closed);
        var ended = Task.WhenAny(fulfilled, closed);
        var waitUntil = DateTime.SpecifyKind(input.TimerAt, DateTimeKind.Utc);
        for (var level = 1; level <= input.Levels; level++)
        {
            context.SetCustomStatus(level == 1 ? $"waiting for fulfilment; due {input.Due.UtcDateTime:O}" : $"level {level - 1} sent; level {level} at {waitUntil:O}");
            using var cancelTimer = new CancellationTokenSource();
            var timer = context.CreateTimer(waitUntil, cancelTimer.Token);
            if (await Task.WhenAny(ended, timer).ConfigureAwait(true) != timer)
            {
                cancelTimer.Cancel();
                return fulfilled.IsCompleted
                    ? Finish(context, input, "fulfilled", level - 1, $"{fulfilled.Result.By} via {fulfilled.Result.Channel}")
                    : Finish(context, input, "closed", level - 1, closed.Result.Reason ?? "closed by event " + closed.Result.ByEventId);
            }

            var escalation = await context.CallActivityAsync<string>(ObligationTasks.Escalate, new EscalationStep(input.ObligationId, level)).ConfigureAwait(true);
            if (escalation is "Closed" or "NotFound")
            {
                // The table says it is closed (its event may still come, or was lost): nothing more to send.
                return Finish(context, input, "closed", level - 1, "closed in the obligations table");
            }

            if (level == input.Levels)
            {
                break;
            }

            var graceLeft = await context.CallActivityAsync<TimeSpan?>(ObligationTasks.Grace, new EscalationStep(input.ObligationId, level)).ConfigureAwait(true);
            if (graceLeft is not { } left)
            {
                return Finish(context, input, "closed", level, "closed in the obligations table");
            }

            waitUntil = context.CurrentUtcDateTime + left;
        }

        return Finish(context, input, "escalated", input.Levels, null);
    }

    private static ObligationOutcome Finish(TaskOrchestrationContext context, ObligationStart input, string status, int level, string? reason)
    {
        context.SetCustomStatus(level == 0 ? status : $"{status} after level {level}");
        return new ObligationOutcome(input.ObligationId, status, level, reason);
    }
}
