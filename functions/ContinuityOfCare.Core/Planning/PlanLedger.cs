using ContinuityOfCare.Core.Events;
using ContinuityOfCare.Core.Inputs;

namespace ContinuityOfCare.Core.Planning;

/// <summary>
/// What one plan has produced so far. The planning steps (matching, the journey, closing/opening/routing) append to
/// it in the order they run, which is the order the plan reports; <see cref="PlanBuilder"/> turns it into a
/// <see cref="Plan"/>.
/// </summary>
internal sealed class PlanLedger
{
    public List<CareEvent> Events { get; } = [];

    public List<PlannedAlert> Alerts { get; } = [];

    public List<PlannedObligation> Opened { get; } = [];

    public List<ObligationClosure> Closed { get; } = [];

    public List<PlanTask> Tasks { get; } = [];

    public List<PlanMatch> Matches { get; } = [];

    public List<PossibleMatch> PossibleMatches { get; } = [];

    public List<CourtTrip> Trips { get; } = [];

    public List<Rejection> Rejected { get; } = [];

    /// <summary>Records matched to exactly one client.</summary>
    public int Matched { get; set; }

    /// <summary>Records held as possible matches.</summary>
    public int PossibleRecords { get; set; }

    /// <summary>Records that matched no client.</summary>
    public int Unmatched { get; set; }

    /// <summary>Matched records that are no change of circumstance.</summary>
    public int Ignored { get; set; }
}
