namespace ContinuityOfCare.Core.Obligations;

/// <summary>
/// Where an obligation is in its life (docs/domain.md "Obligations and their deadlines"): open → fulfilled (on time / late) |
/// cancelled | overdue → escalated 1 → 2 → 3. <see cref="ObligationLifecycle"/> holds the legal moves.
/// </summary>
public enum ObligationState
{
    /// <summary>Opened, not yet due or not yet marked overdue.</summary>
    Open,

    /// <summary>Fulfilled at or before the due instant (terminal).</summary>
    FulfilledOnTime,

    /// <summary>Fulfilled after the due instant (terminal).</summary>
    FulfilledLate,

    /// <summary>Superseded, e.g. a release cancels pending in-prison obligations (terminal).</summary>
    Cancelled,

    /// <summary>Past its due instant and not fulfilled.</summary>
    Overdue,

    /// <summary>Escalation level 1 sent (the owner's SPOC).</summary>
    EscalatedLevel1,

    /// <summary>Escalation level 2 sent (the owner's escalation contact).</summary>
    EscalatedLevel2,

    /// <summary>Escalation level 3 sent (the regional team).</summary>
    EscalatedLevel3,
}
