namespace ContinuityOfCare.Core.Planning;

/// <summary>A prison-to-court trip seen in the plan and how it was resolved (000 §PP10–PP14).</summary>
/// <param name="SentToCourtEventId">The <c>SentToCourt</c> event.</param>
/// <param name="ClientId">The client.</param>
/// <param name="SendingPrison">The prison the client left.</param>
/// <param name="CourtCode">The court.</param>
/// <param name="Resolution">How it ended.</param>
/// <param name="ResolvedByEventId">The event that resolved it (the result's event, or the non-return), when any.</param>
/// <param name="ProcessPoint">The process point of the resolution.</param>
public sealed record CourtTrip(
    string SentToCourtEventId,
    string ClientId,
    string SendingPrison,
    string CourtCode,
    TripResolution Resolution,
    string? ResolvedByEventId,
    string ProcessPoint);
