namespace ContinuityOfCare.Core.Planning.Json;

/// <summary>One item of <c>obligationsClosed[]</c>.</summary>
internal sealed record ClosureDocument(string Id, string Rule, string ClientId, string ClosedBy, string Outcome, string Reason);
