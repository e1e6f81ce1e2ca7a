using ContinuityOfCare.Hub.Pipeline;
using Microsoft.DurableTask;

namespace ContinuityOfCare.FunctionApp.Obligations;

/// <summary>
/// How long the grace after a level still runs (<see cref="Escalator.GraceLeftAsync"/>: the core's working-day
/// calendar, domain.md "Escalation"). An activity because it reads the calendar and the clock, which orchestrator code
/// must not; its answer is recorded in the history, so a replay waits the same. Null: the obligation closed.
/// </summary>
public sealed class GraceActivity(Escalator escalator) : TaskActivity<EscalationStep, TimeSpan?>
{
    /// <inheritdoc />
    public override Task<TimeSpan?> RunAsync(TaskActivityContext context, EscalationStep input) => ExecuteAsync(input, CancellationToken.None);

    /// <summary>The activity's work (what the function app's <c>[ActivityTrigger]</c> function calls).</summary>
    public Task<TimeSpan?> ExecuteAsync(EscalationStep input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        return escalator.GraceLeftAsync(input.ObligationId, input.Level, cancellationToken);
    }
}
