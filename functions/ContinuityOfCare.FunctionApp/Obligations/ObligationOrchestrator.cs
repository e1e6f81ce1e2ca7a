using ContinuityOfCare.Hub.Pipeline;
using ContinuityOfCare.Hub.Obligations;
using Microsoft.DurableTask;

namespace ContinuityOfCare.FunctionApp.Obligations;

/// <summary>
/// One obligation's life (docs/pipeline.md "Obligations as orchestrations"; the Durable Functions human-interaction
/// pattern): it waits for whichever comes first, the <c>fulfilled</c> event or the deadline timer; past due it runs
/// level 1, waits the grace (computed by an activity from the working-day calendar), level 2, the grace, level 3,
/// stopping the moment <c>fulfilled</c> arrives. A <c>closed</c> event ends it without escalation.
/// <para>Deterministic, as orchestrator code must be: the context's clock only, no I/O; every side effect is an
/// activity (each level once, by the store's guard row and the outbox row's deterministic id, so a replayed activity
/// queues nothing new). Every activity call carries a bounded exponential retry (<see cref="ObligationTiming"/>), so a
/// storage blip does not end the ladder. A level's email is the outbox's to deliver (docs/email.md "Outbox"): when the
/// level's answer is <c>Queued</c> (the relay could not take it), the orchestration looks at the email on timers that back
/// off (1 min doubling to 15 min) — read-only, it never sends — and starts the level's grace only once the email has left
/// the outbox, so a relay outage longer than the grace never sends two levels at once or out of order (docs/domain.md
/// "Escalation"); fulfilment or closure ends that wait at once. Hosted by the function app's
/// <c>[OrchestrationTrigger]</c> function and by the local runner's in-process engine alike.</para>
/// </summary>
public sealed class ObligationOrchestrator(ObligationTiming timing) : TaskOrchestrator<ObligationStart, ObligationOutcome>
{
    /// <summary>The orchestrator with the deployment's waits (<see cref="ObligationTiming.Default"/>).</summary>
    public ObligationOrchestrator()
        : this(ObligationTiming.Default)
    {
    }

    /// <inheritdoc />
    public override async Task<ObligationOutcome> RunAsync(TaskOrchestrationContext context, ObligationStart input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var log = new ProgressLog(context);
        // Raised events are buffered by the engine, so one raised before these waits begin is not lost.
        var fulfilled = context.WaitForExternalEvent<ObligationFulfilled>(ObligationEventNames.Fulfilled);
        var closed = context.WaitForExternalEvent<ObligationClosed>(ObligationEventNames.Closed);
        var ended = Task.WhenAny(fulfilled, closed);
        var waitUntil = DateTime.SpecifyKind(input.TimerAt, DateTimeKind.Utc);
        for (var level = 1; level <= input.Levels; level++)
        {
            log.Add("TimerCreated", $"{Utc(waitUntil)} {(level == 1 ? "deadline" : $"grace after level {level - 1}")}",
                level == 1 ? $"waiting for fulfilment; due {Utc(input.Due.UtcDateTime)}" : $"level {level - 1} sent; level {level} at {Utc(waitUntil)}");
            if (!await TimerFiredFirstAsync(context, waitUntil, ended).ConfigureAwait(true))
            {
                return Ended(log, input, fulfilled, closed, level - 1);
            }

            log.Add("TimerFired", Utc(waitUntil), null);
            var step = new EscalationStep(input.ObligationId, level);
            var escalation = await context.CallActivityAsync<string>(ObligationTasks.Escalate, step, timing.ActivityOptions).ConfigureAwait(true);
            log.Add("LevelRun", $"level {level}: {escalation}", null);
            if (escalation is "Closed" or "NotFound")
            {
                // The table says it is closed (its event may still come, or was lost): nothing more to send.
                return Finish(log, input, "closed", level - 1, "closed in the obligations table");
            }

            if (level == input.Levels)
            {
                break;
            }

            // The grace runs from when the level's email was sent: wait for it to leave the outbox first. Recorded by an
            // earlier run (a restarted orchestration, a retried activity), its email may still be queued: look once now.
            var progress = escalation switch
            {
                "Queued" => "Waiting",
                "AlreadyEscalated" => await context.CallActivityAsync<string>(ObligationTasks.EscalationEmail, step, timing.ActivityOptions).ConfigureAwait(true),
                _ => "Left",
            };
            if (progress == "Waiting")
            {
                log.Add("EmailWaiting", $"level {level}: email queued in the outbox", $"level {level} queued; waiting for the relay");
                TimeSpan? lookAfter = null;
                while (progress == "Waiting")
                {
                    lookAfter = timing.NextEmailCheck(lookAfter);
                    if (!await TimerFiredFirstAsync(context, context.CurrentUtcDateTime + lookAfter.Value, ended).ConfigureAwait(true))
                    {
                        return Ended(log, input, fulfilled, closed, level);
                    }

                    progress = await context.CallActivityAsync<string>(ObligationTasks.EscalationEmail, step, timing.ActivityOptions).ConfigureAwait(true);
                }

                log.Add("EmailLeft", $"level {level}: email {(progress == "Left" ? "left the outbox" : "not needed: closed in the obligations table")}", null);
            }

            if (progress == "Closed")
            {
                return Finish(log, input, "closed", level, "closed in the obligations table");
            }

            var graceLeft = await context.CallActivityAsync<TimeSpan?>(ObligationTasks.Grace, step, timing.ActivityOptions).ConfigureAwait(true);
            if (graceLeft is not { } left)
            {
                return Finish(log, input, "closed", level, "closed in the obligations table");
            }

            waitUntil = context.CurrentUtcDateTime + left;
        }

        return Finish(log, input, "escalated", input.Levels, null);
    }

    /// <summary>Waits for the timer at <paramref name="at"/> or <paramref name="ended"/>, whichever is first: true when the timer fired.</summary>
    private static async Task<bool> TimerFiredFirstAsync(TaskOrchestrationContext context, DateTime at, Task ended)
    {
        using var cancelTimer = new CancellationTokenSource();
        var timer = context.CreateTimer(at, cancelTimer.Token);
        if (await Task.WhenAny(ended, timer).ConfigureAwait(true) == timer)
        {
            return true;
        }

        cancelTimer.Cancel();
        return false;
    }

    /// <summary>Ends on the <c>fulfilled</c> or <c>closed</c> event that arrived, after <paramref name="level"/> levels.</summary>
    private static ObligationOutcome Ended(ProgressLog log, ObligationStart input, Task<ObligationFulfilled> fulfilled, Task<ObligationClosed> closed, int level)
    {
        log.Add("EventRaised", fulfilled.IsCompleted ? ObligationEventNames.Fulfilled : ObligationEventNames.Closed, null);
        return fulfilled.IsCompleted
            ? Finish(log, input, "fulfilled", level, $"{fulfilled.Result.By} via {fulfilled.Result.Channel}")
            : Finish(log, input, "closed", level, closed.Result.Reason ?? "closed by event " + closed.Result.ByEventId);
    }

    private static ObligationOutcome Finish(ProgressLog log, ObligationStart input, string status, int level, string? reason)
    {
        var step = level == 0 ? status : $"{status} after level {level}";
        log.Add("Ended", step, step);
        return new ObligationOutcome(input.ObligationId, status, level, reason);
    }

    private static string Utc(DateTime instant) =>
        DateTime.SpecifyKind(instant, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The orchestration's own history, published as its custom status (<see cref="ObligationProgress"/>).</summary>
    private sealed class ProgressLog(TaskOrchestrationContext context)
    {
        private readonly List<OrchestrationHistoryLine> _lines = [];
        private string _step = "started";

        public void Add(string kind, string detail, string? step)
        {
            _lines.Add(new OrchestrationHistoryLine(context.CurrentUtcDateTime, kind, detail));
            _step = step ?? _step;
            context.SetCustomStatus(new ObligationProgress(_step, [.. _lines]));
        }
    }
}
