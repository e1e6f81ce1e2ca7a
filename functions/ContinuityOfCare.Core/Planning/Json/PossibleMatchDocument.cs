namespace ContinuityOfCare.Core.Planning.Json;

/// <summary>One item of <c>possibleMatches[]</c>.</summary>
internal sealed record PossibleMatchDocument(string Source, int? Line, string? Path, string ClientId, string Reason);
