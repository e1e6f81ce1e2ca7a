namespace ContinuityOfCare.Core.Obligations;

/// <summary>What else must be true of the event, beyond its kind, for a trigger to open its obligation.</summary>
public enum TriggerCondition
{
    /// <summary>Every event of the kind.</summary>
    Always,

    /// <summary>A remand in custody (outcome <c>REMANDED_IN_CUSTODY</c>): 001 pathway "Days 2 and 3".</summary>
    Remanded,

    /// <summary>A sentence to custody (outcome <c>SENTENCED_TO_CUSTODY</c>): 003 §4.7.2.</summary>
    Sentenced,

    /// <summary>
    /// A non-return established by a court result placing the client in another prison (000 §PP11), not one inferred
    /// from the wait, which the SMT must establish first (000 §PP13).
    /// </summary>
    CustodyElsewhereKnown,
}
