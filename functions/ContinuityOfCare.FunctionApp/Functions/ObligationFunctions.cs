using ContinuityOfCare.FunctionApp.Obligations;
using ContinuityOfCare.Hub.Obligations;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace ContinuityOfCare.FunctionApp.Functions;

/// <summary>
/// The obligations' orchestration (docs/pipeline.md "Obligations as orchestrations"): one line per orchestrator and
/// activity, calling the classes the local runner's engine hosts too; and the daily reconciliation.
/// </summary>
public sealed class ObligationFunctions(EscalateActivity escalate, EscalationEmailActivity escalationEmail, GraceActivity grace, ObligationReconciler reconciler)
{
    /// <summary>The obligation's orchestration (instance id = obligation id).</summary>
    [Function(ObligationTasks.Orchestration)]
    public static Task<ObligationOutcome> OrchestrateAsync([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new ObligationOrchestrator().RunAsync(context, context.GetInput<ObligationStart>()!);

    /// <summary>Sends one escalation level, once.</summary>
    [Function(ObligationTasks.Escalate)]
    public Task<string> EscalateAsync([ActivityTrigger] EscalationStep step, CancellationToken cancellationToken) => escalate.ExecuteAsync(step, cancellationToken);

    /// <summary>Whether a queued level's email has left the outbox (read-only).</summary>
    [Function(ObligationTasks.EscalationEmail)]
    public Task<string> EscalationEmailAsync([ActivityTrigger] EscalationStep step, CancellationToken cancellationToken) => escalationEmail.ExecuteAsync(step, cancellationToken);

    /// <summary>The grace left after a level.</summary>
    [Function(ObligationTasks.Grace)]
    public Task<TimeSpan?> GraceAsync([ActivityTrigger] EscalationStep step, CancellationToken cancellationToken) => grace.ExecuteAsync(step, cancellationToken);

    /// <summary>03:45 daily: every open obligation without an orchestration gets one (counted in an operator notice).</summary>
    [Function("ObligationReconcile")]
    public async Task ReconcileAsync([TimerTrigger("0 45 3 * * *")] TimerInfo timer, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken)
    {
        using (DurableClientSource.Use(client))
        {
            _ = await reconciler.ReconcileAsync(dryRun: false, cancellationToken).ConfigureAwait(false);
        }
    }
}
