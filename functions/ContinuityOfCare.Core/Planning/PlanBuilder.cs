using ContinuityOfCare.Core.Alerts;
using ContinuityOfCare.Core.Directory;
using ContinuityOfCare.Core.Matching;
using ContinuityOfCare.Core.Routing;
using ContinuityOfCare.Core.Time;
using NodaTime;

namespace ContinuityOfCare.Core.Planning;

/// <summary>
/// One plan in the making. Records are sorted by source and matched (<see cref="RecordMatcher"/>), then replayed per
/// client in time order so that custody and court trips follow the journey (<see cref="JourneyStateMachine"/>,
/// docs/domain.md "The journey as events"); each event closes what it ends, opens its obligations and is routed
/// (<see cref="EventConsequences"/>).
/// </summary>
internal sealed class PlanBuilder
{
    private static readonly SourceRefComparer SourceOrder = SourceRefComparer.Instance;

    private readonly PlanInputs _inputs;
    private readonly MatchingIndex _index;
    private readonly Instant _now;
    private readonly DirectoryRoutes _routes;
    private readonly PlanLedger _ledger = new();
    private readonly RecordMatcher _matcher;
    private readonly JourneyStateMachine _journey;

    public PlanBuilder(PlanInputs inputs, SpocDirectory directory, MatchingIndex index, WorkingCalendar calendar, Instant now, PlanOptions options)
    {
        _inputs = inputs;
        _index = index;
        _now = now;
        _routes = new DirectoryRoutes(directory);
        var router = new AlertRouter(_routes, options.SecureMail, now);
        _matcher = new RecordMatcher(index, router, _ledger);
        var consequences = new EventConsequences(
            new EventObligationTable(options.Catalogue, _routes, now), new ObligationDeadlines(options.Catalogue, calendar, _ledger), router, _ledger);
        _journey = new JourneyStateMachine(inputs, _routes, options, now, consequences, _ledger);
    }

    public Plan Build()
    {
        var observations = new List<JourneyObservation>();
        foreach (var listing in _inputs.CourtListings.OrderBy(l => l.Source, SourceOrder))
        {
            if (_matcher.Match(listing.Source, listing.Person) is { } client)
            {
                observations.Add(new JourneyObservation(listing.HearingStart, listing.Source, client, listing, null, null));
            }
        }

        foreach (var result in _inputs.CourtResults.OrderBy(r => r.Source, SourceOrder))
        {
            if (_matcher.Match(result.Source, result.Person) is { } client)
            {
                observations.Add(new JourneyObservation(result.ResultTime ?? _now, result.Source, client, null, result, null));
            }
        }

        foreach (var discharge in _inputs.Discharges.OrderBy(d => d.Source, SourceOrder))
        {
            if (_matcher.Match(discharge.Source, discharge.Person) is { } client)
            {
                observations.Add(new JourneyObservation(discharge.MovedAt, discharge.Source, client, null, null, discharge));
            }
        }

        // Stable sort: time, then source (a total order over records).
        foreach (var observation in observations.OrderBy(o => o.At).ThenBy(o => o.Source, SourceOrder))
        {
            _journey.Process(observation);
        }

        _journey.FinishCourtTrips();

        _ledger.Rejected.AddRange(_inputs.Rejections);
        var rejected = _ledger.Rejected
            .OrderBy(r => r.Where, SourceOrder)
            .ThenBy(r => r.Reason, StringComparer.Ordinal)
            .ToList();
        var counts = new PlanCounts
        {
            RegisterClients = _index.Count,
            CourtListings = _inputs.CourtListings.Count,
            CourtResults = _inputs.CourtResults.Count,
            Discharges = _inputs.Discharges.Count,
            Matched = _ledger.Matched,
            PossibleMatches = _ledger.PossibleRecords,
            Unmatched = _ledger.Unmatched,
            Ignored = _ledger.Ignored,
            Events = _ledger.Events.Count,
            AlertsReady = _ledger.Alerts.Count(a => a.Status == AlertStatus.Ready),
            AlertsHeld = _ledger.Alerts.Count(a => a.Status == AlertStatus.Held),
            ObligationsOpened = _ledger.Opened.Count,
            ObligationsClosed = _ledger.Closed.Count,
            Tasks = _ledger.Tasks.Count,
            Rejected = rejected.Count,
        };
        return new Plan(_now, _routes.Version, _ledger.Events, _ledger.Alerts, _ledger.Opened, _ledger.Closed, _ledger.Tasks,
            _ledger.PossibleMatches, _ledger.Trips, rejected, counts) { Matches = _ledger.Matches };
    }
}
