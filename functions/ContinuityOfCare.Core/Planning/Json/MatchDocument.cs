namespace ContinuityOfCare.Core.Planning.Json;

/// <summary>One item of <c>matches[]</c>: a matched record and the rule that matched it (docs/plan.md "Match rules").</summary>
internal sealed record MatchDocument(string Source, int? Line, string? Path, string ClientId, string Rule, string Reason);
