namespace ContinuityOfCare.Core.Alerts;

/// <summary>
/// The change-of-circumstance boxes of the one-page Alert Form (000 §1.8; docs/domain.md "The Alert Form"), in form order.
/// </summary>
public enum ChangeBox
{
    /// <summary>Transferred to another prison.</summary>
    TransferredToAnotherPrison,

    /// <summary>Released.</summary>
    Released,

    /// <summary>Sent to court / court appearance.</summary>
    SentToCourtOrCourtAppearance,

    /// <summary>Court date changed.</summary>
    CourtDateChanged,

    /// <summary>Release date changed.</summary>
    ReleaseDateChanged,

    /// <summary>Died.</summary>
    Died,

    /// <summary>Change of case-management responsibility.</summary>
    ChangeOfCaseManagementResponsibility,

    /// <summary>Change of treatment.</summary>
    ChangeOfTreatment,

    /// <summary>Release plan changed.</summary>
    ReleasePlanChanged,

    /// <summary>Accepted onto caseload.</summary>
    AcceptedOntoCaseload,

    /// <summary>Met at gate / contact made after release.</summary>
    MetAtGateOrContactMadeAfterRelease,

    /// <summary>Not returned from court.</summary>
    NotReturnedFromCourt,

    /// <summary>Other.</summary>
    Other,
}
