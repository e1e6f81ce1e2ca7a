namespace ContinuityOfCare.Core.Planning.Json;

/// <summary>One item of <c>possibleMatches[]</c>, with the match weight and its parts (docs/plan.md "Match weight").</summary>
internal sealed record PossibleMatchDocument(
    string Source, int? Line, string? Path, string ClientId, string Reason, double? Weight, IReadOnlyList<WeightPartDocument> WeightParts);
