namespace ContinuityOfCare.Core.Planning;

/// <summary>An obligation opened earlier in the same plan that a later event closes or cancels.</summary>
/// <param name="ObligationId">The obligation.</param>
/// <param name="RuleId">Its rule.</param>
/// <param name="ClientId">The client.</param>
/// <param name="ClosedByEventId">The event that closes it.</param>
/// <param name="Outcome">Fulfilled or cancelled.</param>
/// <param name="Reason">Why, with its guidance citation.</param>
public sealed record ObligationClosure(
    string ObligationId, string RuleId, string ClientId, string ClosedByEventId, ClosureOutcome Outcome, string Reason);
