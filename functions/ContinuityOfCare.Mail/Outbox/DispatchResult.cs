namespace ContinuityOfCare.Mail.Outbox;

/// <summary>What one dispatch of one alert did.</summary>
public enum DispatchResult
{
    /// <summary>Sent now.</summary>
    Sent,

    /// <summary>Already sent earlier: nothing was sent (a redelivered or duplicate request).</summary>
    AlreadySent,

    /// <summary>Another sender holds the claim: nothing was sent.</summary>
    InFlightElsewhere,

    /// <summary>Already Failed or Held earlier: nothing was sent.</summary>
    AlreadyFinal,

    /// <summary>Waiting for an operator's decision (Unconfirmed): nothing was sent.</summary>
    AwaitingOperator,

    /// <summary>Held now: the recipient is outside the secure-mail allow-list.</summary>
    Held,

    /// <summary>Failed now: permanent SMTP failure.</summary>
    Failed,

    /// <summary>Transient failure: back to Pending for a later attempt.</summary>
    LeftPending,

    /// <summary>The relay is considered down (circuit open): back to Pending, not attempted.</summary>
    CircuitOpen,

    /// <summary>No such alert in the outbox.</summary>
    NotFound,
}
