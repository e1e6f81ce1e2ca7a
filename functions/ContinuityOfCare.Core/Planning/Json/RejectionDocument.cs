namespace ContinuityOfCare.Core.Planning.Json;

/// <summary>One item of <c>rejected[]</c>.</summary>
internal sealed record RejectionDocument(string Source, int? Line, string? Path, string Reason, bool Warning);
