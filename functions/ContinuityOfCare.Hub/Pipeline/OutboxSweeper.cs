using ContinuityOfCare.Mail.Outbox;
using Microsoft.Extensions.Logging;

namespace ContinuityOfCare.Hub.Pipeline;

/// <summary>
/// The outbox's safety net (docs/email.md): outbox sends stuck in flight are reconciled, and every alert still Pending
/// is listed to be put on the send queue again — escalation emails among them, which the outbox carries like any other
/// (docs/pipeline.md "Obligations as orchestrations").
/// </summary>
public sealed partial class OutboxSweeper(AlertOutbox outbox, ILogger<OutboxSweeper> logger)
{
    /// <summary>Runs one sweep.</summary>
    public async Task<OutboxSweepResult> SweepAsync(CancellationToken cancellationToken)
    {
        var reconciled = await outbox.ReconcileAsync(cancellationToken).ConfigureAwait(false);
        var pending = await outbox.PendingAsync(cancellationToken).ConfigureAwait(false);
        LogSwept(reconciled, pending.Count);
        return new OutboxSweepResult(reconciled, pending);
    }

    [LoggerMessage(EventId = 6301, Level = LogLevel.Information, Message = "Outbox sweep: {Reconciled} sends reconciled, {Pending} alerts pending")]
    private partial void LogSwept(int reconciled, int pending);
}
