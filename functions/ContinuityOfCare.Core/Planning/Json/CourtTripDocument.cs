namespace ContinuityOfCare.Core.Planning.Json;

/// <summary>One item of <c>courtTrips[]</c>.</summary>
internal sealed record CourtTripDocument(
    string SentToCourtEventId, string ClientId, string SendingPrison, string Court, string Resolution, string? ResolvedByEventId, string ProcessPoint);
