using ContinuityOfCare.Hub.Pipeline;
using Microsoft.DurableTask;

namespace ContinuityOfCare.FunctionApp.Obligations;

/// <summary>
/// Runs one escalation level (<see cref="Escalator.EscalateAsync"/>): its email is queued in the alert outbox under an id
/// derived from the obligation and level and the level recorded in the obligations table (guard row: once, ever), so
/// the engine running this activity again queues and sends nothing new. Returns the <see cref="EscalationOutcome"/> name.
/// </summary>
public sealed class EscalateActivity(Escalator escalator) : TaskActivity<EscalationStep, string>
{
    /// <inheritdoc />
    public override Task<string> RunAsync(TaskActivityContext context, EscalationStep input) => ExecuteAsync(input, CancellationToken.None);

    /// <summary>The activity's work (what the function app's <c>[ActivityTrigger]</c> function calls).</summary>
    public async Task<string> ExecuteAsync(EscalationStep input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        return (await escalator.EscalateAsync(input.ObligationId, input.Level, cancellationToken).ConfigureAwait(false)).ToString();
    }
}
