namespace ContinuityOfCare.Mail.Outbox;

/// <summary>What storing an alert in the outbox did (insert-if-absent: at-least-once callers are safe).</summary>
public enum EnqueueResult
{
    /// <summary>Stored as Pending.</summary>
    Queued,

    /// <summary>An alert with this id was already stored; it was left as it was.</summary>
    AlreadyQueued,
}
