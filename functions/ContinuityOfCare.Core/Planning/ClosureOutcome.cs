namespace ContinuityOfCare.Core.Planning;

/// <summary>How a later event ends an obligation.</summary>
public enum ClosureOutcome
{
    /// <summary>Later data proves it done or moot in the way the rule foresees (e.g. a transfer closes release planning).</summary>
    Fulfilled,

    /// <summary>No longer required (e.g. a release cancels pending in-prison obligations).</summary>
    Cancelled,
}
