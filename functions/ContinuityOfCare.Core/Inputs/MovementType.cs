namespace ContinuityOfCare.Core.Inputs;

/// <summary>NOMIS movement types in the discharge export (formats.md §3 <c>movement_type</c>).</summary>
public enum MovementType
{
    /// <summary><c>REL</c>: release.</summary>
    Release,

    /// <summary><c>TRN</c>: transfer to another prison.</summary>
    Transfer,

    /// <summary><c>CRT</c>: to court.</summary>
    Court,

    /// <summary><c>TAP</c>: temporary absence (not a discharge unless configured; docs/domain.md "The journey as events").</summary>
    TemporaryAbsence,
}
