namespace ContinuityOfCare.Hub.State;

/// <summary>What a guarded change (obligation close or escalation, possible-match decision, task resolution) did.</summary>
public enum ChangeOutcome
{
    /// <summary>The change was made now.</summary>
    Applied,

    /// <summary>The same change was made before (a redelivery or a second click): nothing changed.</summary>
    AlreadyApplied,

    /// <summary>The lifecycle forbids it (e.g. fulfilling a cancelled obligation, escalating out of order, rejecting a confirmed match).</summary>
    Refused,

    /// <summary>Nothing has this id.</summary>
    NotFound,
}
