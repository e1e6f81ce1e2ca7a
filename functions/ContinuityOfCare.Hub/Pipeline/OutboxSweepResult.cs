namespace ContinuityOfCare.Hub.Pipeline;

/// <summary>What one outbox sweep did.</summary>
/// <param name="SendsReconciled">Outbox sends found stuck in flight and reconciled.</param>
/// <param name="PendingAlertIds">Alerts still Pending, to be put on the send queue again.</param>
public sealed record OutboxSweepResult(int SendsReconciled, IReadOnlyList<string> PendingAlertIds);
