namespace ContinuityOfCare.Hub.Endpoints.PossibleMatchDecide;

/// <summary>The body of <c>POST /api/possible-matches/{id}/confirm|reject</c>.</summary>
/// <param name="By">Who decided (a user id or name of a member of staff; required, at most 100 characters).</param>
public sealed record DecisionRequest(string? By);
