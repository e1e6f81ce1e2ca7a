namespace ContinuityOfCare.Mail.Transport;

/// <summary>What happened to one message handed to the relay (architecture.md "Reliability rules").</summary>
public enum DeliveryOutcomeKind
{
    /// <summary>The relay accepted the message.</summary>
    Sent,

    /// <summary>Worth trying again later: connection failure, timeout, SMTP 4xx, or the rate limiter's queue was full.</summary>
    TransientFailure,

    /// <summary>Will not succeed by retrying: SMTP 5xx (mailbox unavailable, relay denied, …).</summary>
    PermanentFailure,

    /// <summary>Not attempted: the circuit breaker is open because the relay is down. The message stays queued.</summary>
    CircuitOpen,
}
