namespace ContinuityOfCare.Core.Planning.Json;

/// <summary>One item of <c>tasks[]</c>.</summary>
internal sealed record TaskDocument(string Kind, string Owner, string ClientId, string? EventId, string Reason);
