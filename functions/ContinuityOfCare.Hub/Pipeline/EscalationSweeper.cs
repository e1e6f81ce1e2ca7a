using ContinuityOfCare.Hub.State;
using ContinuityOfCare.Mail.Outbox;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace ContinuityOfCare.Hub.Pipeline;

/// <summary>
/// The escalation sweep (docs/pipeline.md "Functions", <c>EscalationSweep</c>: a timer, every 15 minutes, the safety
/// net behind the deadline checks): every overdue open obligation from the due index is checked by the <see cref="Escalator"/> (each level once,
/// ever, whatever races with it); stuck outbox sends are reconciled; Pending alerts are listed for re-sending.
/// </summary>
public sealed partial class EscalationSweeper(HubState state, Escalator escalator, AlertOutbox outbox, IClock clock, ILogger<EscalationSweeper> logger)
{
    /// <summary>Runs one sweep at the clock's current instant.</summary>
    public async Task<SweepResult> SweepAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        var overdue = await state.Obligations.ReadOverdueAsync(now, cancellationToken).ConfigureAwait(false);
        var escalated = 0;
        foreach (var obligation in overdue.Obligations)
        {
            var outcome = await escalator.CheckAsync(obligation, cancellationToken).ConfigureAwait(false);
            if (outcome is EscalationOutcome.Escalated or EscalationOutcome.EscalatedDeliveryFailed)
            {
                escalated++;
            }
        }

        var reconciled = await outbox.ReconcileAsync(cancellationToken).ConfigureAwait(false);
        var pending = await outbox.PendingAsync(cancellationToken).ConfigureAwait(false);
        LogSwept(overdue.Obligations.Count, escalated, overdue.IndexRowsRead, reconciled, pending.Count);
        return new SweepResult(overdue.Obligations.Count, escalated, overdue.IndexRowsRead, reconciled, pending);
    }

    [LoggerMessage(EventId = 6301, Level = LogLevel.Information,
        Message = "Escalation sweep: {Overdue} overdue checked, {Escalated} escalated, {IndexRows} index rows read, {Reconciled} sends reconciled, {Pending} alerts pending")]
    private partial void LogSwept(int overdue, int escalated, int indexRows, int reconciled, int pending);
}
