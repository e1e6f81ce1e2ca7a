using ContinuityOfCare.Hub.Pipeline;
using Microsoft.DurableTask;

namespace ContinuityOfCare.FunctionApp.Obligations;

/// <summary>
/// Sends one escalation level (<see cref="Escalator.EscalateAsync"/>): the level is recorded in the obligations table
/// first (guard row: once, ever) and only the run that recorded it sends, so the engine running this activity again
/// sends nothing twice. Returns the <see cref="EscalationOutcome"/> name.
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
