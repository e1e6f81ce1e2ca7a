using ContinuityOfCare.Core.Events;
using ContinuityOfCare.Core.Inputs;
using NodaTime;

namespace ContinuityOfCare.Core.Planning;

/// <summary>
/// What the hub would do for one set of inputs (architecture.md "Shape"): matches, possible matches, Alert Forms with
/// recipients and reasons, obligations to open and close with due instants, tasks for people, rejected records.
/// Every list is in a deterministic order. <see cref="PlanJsonWriter"/> serialises it (docs/plan.md).
/// </summary>
/// <param name="Now">The instant the plan was made for.</param>
/// <param name="DirectoryVersion">The SPOC directory version routed against.</param>
/// <param name="Events">Events detected, in time order.</param>
/// <param name="Alerts">Alert Forms, in event order then recipient order.</param>
/// <param name="ObligationsOpened">Obligations opened, in event order then rule order.</param>
/// <param name="ObligationsClosed">Obligations opened earlier in this plan that later events close.</param>
/// <param name="Tasks">Tasks for people.</param>
/// <param name="PossibleMatches">Records held as possible matches.</param>
/// <param name="CourtTrips">Court trips and their resolution.</param>
/// <param name="Rejected">Rejected records and warnings, by source.</param>
/// <param name="Counts">Aggregate counts.</param>
public sealed record Plan(
    Instant Now,
    int DirectoryVersion,
    IReadOnlyList<CareEvent> Events,
    IReadOnlyList<PlannedAlert> Alerts,
    IReadOnlyList<PlannedObligation> ObligationsOpened,
    IReadOnlyList<ObligationClosure> ObligationsClosed,
    IReadOnlyList<PlanTask> Tasks,
    IReadOnlyList<PossibleMatch> PossibleMatches,
    IReadOnlyList<CourtTrip> CourtTrips,
    IReadOnlyList<Rejection> Rejected,
    PlanCounts Counts)
{
    /// <summary>The version of the JSON schema <see cref="PlanJsonWriter"/> writes (docs/plan.md).</summary>
    public const int SchemaVersion = 1;

    /// <summary>Records matched to a client, each with the rule that matched (in source order).</summary>
    public IReadOnlyList<PlanMatch> Matches { get; init; } = [];
}
