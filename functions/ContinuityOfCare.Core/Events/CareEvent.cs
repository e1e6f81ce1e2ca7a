using ContinuityOfCare.Core.Inputs;
using NodaTime;

namespace ContinuityOfCare.Core.Events;

/// <summary>
/// One change of circumstance detected for a matched client (docs/domain.md "The journey as events"). Holds codes, dates
/// and the client id only: never a name, date of birth or identifier.
/// </summary>
/// <param name="Id">Deterministic: <see cref="DeterministicIds.Event"/> of the source file identity + record locator + kind.</param>
/// <param name="Kind">What happened.</param>
/// <param name="ClientId">The matched client.</param>
/// <param name="Source">The record it was detected from.</param>
/// <param name="OccurredAt">When it happened (movement time, result time, hearing start, or when a non-return became established).</param>
/// <param name="ProcessPoint">The guidance process point, e.g. <c>000 §PP8</c>.</param>
/// <param name="PrisonCode">The prison entered (remand/sentence), left (transfer, release, court, death…) or sending (release from court, non-return); also the prison a known release date applies to.</param>
/// <param name="ToPrisonCode">The receiving prison of a transfer, or where a non-returned client is now held.</param>
/// <param name="CourtCode">The court, for court events.</param>
/// <param name="Detail">The outcome or movement reason code (e.g. <c>REMANDED_IN_CUSTODY</c>, <c>CR</c>), when relevant.</param>
/// <param name="HearingStart">The listed hearing's start, for <see cref="EventKind.ListedForHearing"/>.</param>
/// <param name="ReleaseDate">The release date, for <see cref="EventKind.ReleaseDateKnown"/>.</param>
/// <param name="CourtName">The court house name, for a listing whose court code is not known.</param>
/// <param name="CourtTripId">The <see cref="EventKind.SentToCourt"/> event this event resolves, when it resolves a court trip.</param>
public sealed record CareEvent(
    string Id,
    EventKind Kind,
    string ClientId,
    SourceRef Source,
    Instant OccurredAt,
    string ProcessPoint,
    string? PrisonCode = null,
    string? ToPrisonCode = null,
    string? CourtCode = null,
    string? Detail = null,
    Instant? HearingStart = null,
    LocalDate? ReleaseDate = null,
    string? CourtTripId = null,
    string? CourtName = null);
