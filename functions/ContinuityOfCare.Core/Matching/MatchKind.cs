namespace ContinuityOfCare.Core.Matching;

/// <summary>The outcome of matching one person against the client register (docs/domain.md "Matching").</summary>
public enum MatchKind
{
    /// <summary>No client is close enough: nothing about the person is kept (docs/domain.md "Consent and data minimisation").</summary>
    None,

    /// <summary>Step 1 or 2 of the cascade: routed automatically.</summary>
    Matched,

    /// <summary>Step 3: held for a person to confirm or reject, never routed automatically.</summary>
    Possible,
}
