namespace ContinuityOfCare.Core.Events;

/// <summary>The changes of circumstance the hub detects (docs/domain.md "The journey as events"; 000 §2).</summary>
public enum EventKind
{
    /// <summary>Court result with a custodial outcome and an establishment (000 Part 1, §PP1–PP4).</summary>
    RemandedOrSentencedToPrison,

    /// <summary>A court list hearing for a matched client (000 §PP10, §PP13).</summary>
    ListedForHearing,

    /// <summary>Bail, non-custodial, not guilty, discharged — for a client who was in custody (000 §PP13/§PP14, 001 §8.3(ii)).</summary>
    ReleasedFromCourt,

    /// <summary>Discharge export <c>TRN</c> (000 §PP8).</summary>
    TransferredBetweenPrisons,

    /// <summary>Discharge export <c>REL</c> with a release reason (000 §PP9, §PP14).</summary>
    ReleasedToCommunity,

    /// <summary>Discharge export <c>CRT</c> (000 §PP10).</summary>
    SentToCourt,

    /// <summary>A <see cref="SentToCourt"/> with no return (000 §PP11–PP14).</summary>
    NotReturnedFromCourt,

    /// <summary>Discharge reason <c>DEC</c> (000 §PP6 "death").</summary>
    Died,

    /// <summary>Discharge reason <c>HP</c> (001 §9.6).</summary>
    ReleasedToHospital,

    /// <summary>Discharge reasons <c>DD</c>/<c>DE</c>/<c>DL</c> (001 §9.6).</summary>
    Deported,

    /// <summary>Discharge reasons <c>UAL</c>/<c>ESCP</c> (001 §9.6).</summary>
    Absconded,

    /// <summary>A release date became known (000 §PP5, §PP7).</summary>
    ReleaseDateKnown,
}
