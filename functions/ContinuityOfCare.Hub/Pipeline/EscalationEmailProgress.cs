namespace ContinuityOfCare.Hub.Pipeline;

/// <summary>Where a recorded level's email is, as the orchestration needs it before the level's grace may start.</summary>
public enum EscalationEmailProgress
{
    /// <summary>Still in the outbox to be sent (Pending, or an attempt in progress): the grace has not started.</summary>
    Waiting,

    /// <summary>
    /// Gone from the outbox's hands: sent, refused for good, waiting for the operator (Unconfirmed: it may have arrived),
    /// or there is no email (no recipient). The grace runs.
    /// </summary>
    Left,

    /// <summary>The obligation is closed or gone: no further level.</summary>
    Closed,
}
