namespace ContinuityOfCare.Hub.Pipeline;

/// <summary>What checking one obligation did.</summary>
public enum EscalationOutcome
{
    /// <summary>No such obligation.</summary>
    NotFound,

    /// <summary>Fulfilled or cancelled: the ladder has stopped.</summary>
    Closed,

    /// <summary>Nothing is due yet; the next check is scheduled.</summary>
    NotYet,

    /// <summary>A level was recorded and its email sent now.</summary>
    Escalated,

    /// <summary>Another check recorded that level first: nothing sent.</summary>
    AlreadyEscalated,

    /// <summary>A level was recorded but its email could not be delivered; an operator notice says so.</summary>
    EscalatedDeliveryFailed,

    /// <summary>
    /// The level is recorded but its email is neither confirmed nor refused: it waits for the relay (tried again when
    /// asked again), or its attempt may still be live (younger than <c>Mail:Outbox:InFlightTimeout</c>; an attempt older
    /// than that is repeated). Ask again later.
    /// </summary>
    DeliveryUnconfirmed,

    /// <summary>Every level has been sent.</summary>
    LadderFinished,
}
