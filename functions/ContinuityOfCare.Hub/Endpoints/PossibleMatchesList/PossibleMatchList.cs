using ContinuityOfCare.Hub.Api;

namespace ContinuityOfCare.Hub.Endpoints.PossibleMatchesList;

/// <summary>The body of <c>GET /api/possible-matches</c>.</summary>
/// <param name="Count">How many are held.</param>
/// <param name="PossibleMatches">The held matches, oldest first.</param>
public sealed record PossibleMatchList(int Count, IReadOnlyList<PossibleMatchView> PossibleMatches);
