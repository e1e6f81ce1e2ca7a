using NodaTime;

namespace ContinuityOfCare.Core.Planning.Json;

/// <summary>One item of <c>events[]</c>.</summary>
internal sealed record EventDocument(
    string Id,
    string Kind,
    string ClientId,
    string Source,
    int? Line,
    string? Path,
    OffsetDateTime OccurredAt,
    string ProcessPoint,
    string? Prison,
    string? ToPrison,
    string? Court,
    string? Detail,
    OffsetDateTime? HearingStart,
    LocalDate? ReleaseDate,
    string? CourtTripId,
    string? CourtName);
