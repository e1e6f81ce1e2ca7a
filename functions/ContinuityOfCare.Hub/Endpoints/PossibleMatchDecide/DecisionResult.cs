using ContinuityOfCare.Hub.Api;

namespace ContinuityOfCare.Hub.Endpoints.PossibleMatchDecide;

/// <summary>The body of a successful decision.</summary>
/// <param name="Outcome"><c>confirmed</c>, <c>rejected</c>, <c>alreadyConfirmed</c> or <c>alreadyRejected</c>.</param>
/// <param name="Routed">True when the held record was (re-)routed for the client (confirmations only).</param>
/// <param name="PossibleMatch">The match after the decision.</param>
public sealed record DecisionResult(string Outcome, bool Routed, PossibleMatchView PossibleMatch);
