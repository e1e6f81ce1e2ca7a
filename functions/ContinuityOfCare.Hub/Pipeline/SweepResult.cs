namespace ContinuityOfCare.Hub.Pipeline;

/// <summary>What one escalation sweep did.</summary>
/// <param name="OverdueChecked">Overdue open obligations read from the due index and checked.</param>
/// <param name="Escalated">Levels recorded and sent by this sweep.</param>
/// <param name="IndexRowsRead">Due-index rows read (the sweep reads the overdue ones, not all).</param>
/// <param name="SendsReconciled">Outbox sends stuck in flight moved to Unconfirmed for the operator.</param>
/// <param name="PendingAlertIds">Alerts still Pending in the outbox: a send message is re-sent for each.</param>
public sealed record SweepResult(int OverdueChecked, int Escalated, int IndexRowsRead, int SendsReconciled, IReadOnlyList<string> PendingAlertIds);
