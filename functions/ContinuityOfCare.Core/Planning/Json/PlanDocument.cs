using NodaTime;

namespace ContinuityOfCare.Core.Planning.Json;

/// <summary>
/// The plan JSON of docs/plan.md, property for property in the documented order (records serialize in declaration
/// order). London times are <see cref="OffsetDateTime"/> in Europe/London; UTC ones are <see cref="Instant"/>.
/// </summary>
internal sealed record PlanDocument(
    int SchemaVersion,
    Instant Now,
    int DirectoryVersion,
    PlanCounts Counts,
    IReadOnlyList<EventDocument> Events,
    IReadOnlyList<AlertDocument> Alerts,
    IReadOnlyList<ObligationDocument> Obligations,
    IReadOnlyList<ClosureDocument> ObligationsClosed,
    IReadOnlyList<TaskDocument> Tasks,
    IReadOnlyList<MatchDocument> Matches,
    IReadOnlyList<PossibleMatchDocument> PossibleMatches,
    IReadOnlyList<CourtTripDocument> CourtTrips,
    IReadOnlyList<RejectionDocument> Rejected);
