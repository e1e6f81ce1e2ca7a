namespace ContinuityOfCare.Hub.State;

/// <summary>Where a held possible match is (docs/domain.md "Matching" step 3: held, never routed, until a person decides).</summary>
public enum PossibleMatchStatus
{
    /// <summary>Waiting for a person.</summary>
    Held,

    /// <summary>Confirmed: the held record is routed for the client.</summary>
    Confirmed,

    /// <summary>Rejected: not this client; nothing is routed.</summary>
    Rejected,
}
