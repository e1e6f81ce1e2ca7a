namespace ContinuityOfCare.Core.Planning.Json;

/// <summary>The <c>from</c> or <c>to</c> of an Alert Form.</summary>
internal sealed record PartyDocument(
    string OrgCode, string OrgName, string OrgType, string? SpocName, string Email, string? Phone, string? Phone24x7);
