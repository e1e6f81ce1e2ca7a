namespace ContinuityOfCare.Hub.Pipeline;

/// <summary>What running one escalation level did.</summary>
public enum EscalationOutcome
{
    /// <summary>No such obligation.</summary>
    NotFound,

    /// <summary>Fulfilled or cancelled: the ladder has stopped.</summary>
    Closed,

    /// <summary>A level was recorded and the outbox sent its email now.</summary>
    Escalated,

    /// <summary>
    /// A level was recorded and its email is in the outbox, not yet sent (the relay could not take it, or another sender
    /// holds it): the outbox delivers it (its sweep, while the relay is down) — nothing for the orchestration to repeat.
    /// </summary>
    Queued,

    /// <summary>Another run recorded that level first: nothing new queued.</summary>
    AlreadyEscalated,

    /// <summary>A level was recorded but it has no email (no recipient) or the relay refused it for good; an operator notice says so.</summary>
    EscalatedDeliveryFailed,
}
