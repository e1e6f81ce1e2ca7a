namespace ContinuityOfCare.Core.Planning;

/// <summary>How a <c>SentToCourt</c> ended (000 §PP10: four possible outcomes; docs/domain.md "NotReturnedFromCourt").</summary>
public enum TripResolution
{
    /// <summary>000 §PP12: sent back to the original ("sending") prison.</summary>
    ReturnedToSamePrison,

    /// <summary>000 §PP11: sent by the court to a new ("receiving") prison.</summary>
    CustodyElsewhere,

    /// <summary>000 §PP13/§PP14: released by the court.</summary>
    Released,

    /// <summary>No court result yet, within the configured wait.</summary>
    AwaitingResult,

    /// <summary>No court result after the configured wait: the SMT must establish the non-return (000 §PP13).</summary>
    NonReturnToEstablish,
}
