using ContinuityOfCare.Hub.Pipeline;
using Microsoft.DurableTask;

namespace ContinuityOfCare.FunctionApp.Obligations;

/// <summary>
/// Where a queued level's email is (<see cref="Escalator.EmailProgressAsync"/>): read-only — it never sends, the outbox
/// alone does. Returns the <see cref="EscalationEmailProgress"/> name; the orchestration starts the level's grace only
/// once the email has left.
/// </summary>
public sealed class EscalationEmailActivity(Escalator escalator) : TaskActivity<EscalationStep, string>
{
    /// <inheritdoc />
    public override Task<string> RunAsync(TaskActivityContext context, EscalationStep input) => ExecuteAsync(input, CancellationToken.None);

    /// <summary>The activity's work (what the function app's <c>[ActivityTrigger]</c> function calls).</summary>
    public async Task<string> ExecuteAsync(EscalationStep input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        return (await escalator.EmailProgressAsync(input.ObligationId, input.Level, cancellationToken).ConfigureAwait(false)).ToString();
    }
}
