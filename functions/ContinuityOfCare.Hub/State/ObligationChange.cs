namespace ContinuityOfCare.Hub.State;

/// <summary>The result of an <see cref="ObligationStore"/> change.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="Obligation">The stored obligation afterwards (null when not found).</param>
public sealed record ObligationChange(ChangeOutcome Outcome, StoredObligation? Obligation);
