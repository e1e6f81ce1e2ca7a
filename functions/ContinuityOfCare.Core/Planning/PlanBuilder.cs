using ContinuityOfCare.Core.Alerts;
using ContinuityOfCare.Core.Clients;
using ContinuityOfCare.Core.Directory;
using ContinuityOfCare.Core.Events;
using ContinuityOfCare.Core.Inputs;
using ContinuityOfCare.Core.Matching;
using ContinuityOfCare.Core.Obligations;
using ContinuityOfCare.Core.Routing;
using ContinuityOfCare.Core.Time;
using NodaTime;

namespace ContinuityOfCare.Core.Planning;

/// <summary>
/// One plan in the making. Records are sorted by source, matched, then replayed per client in time order so that
/// custody and court trips follow the journey (domain.md "The journey as events"); each event closes what it ends,
/// opens its obligations, and is routed.
/// </summary>
internal sealed class PlanBuilder
{
    private const string ProcessPointRemand = "000 Part 1, §PP1–PP4";
    private static readonly SourceRefComparer SourceOrder = SourceRefComparer.Instance;

    private readonly PlanInputs _inputs;
    private readonly MatchingIndex _index;
    private readonly WorkingCalendar _calendar;
    private readonly Instant _now;
    private readonly PlanOptions _options;
    private readonly DirectoryRoutes _routes;
    private readonly AlertRouter _router;
    private readonly ObligationCatalogue _catalogue;

    private readonly List<CareEvent> _events = [];
    private readonly List<PlannedAlert> _alerts = [];
    private readonly List<PlannedObligation> _opened = [];
    private readonly List<ObligationClosure> _closed = [];
    private readonly List<PlanTask> _tasks = [];
    private readonly List<PossibleMatch> _possibleMatches = [];
    private readonly List<CourtTrip> _trips = [];
    private readonly List<Rejection> _rejected = [];
    private readonly Dictionary<string, ClientState> _states = new(StringComparer.Ordinal);
    private int _matched;
    private int _possibleRecords;
    private int _unmatched;
    private int _ignored;

    public PlanBuilder(PlanInputs inputs, SpocDirectory directory, MatchingIndex index, WorkingCalendar calendar, Instant now, PlanOptions options)
    {
        _inputs = inputs;
        _index = index;
        _calendar = calendar;
        _now = now;
        _options = options;
        _catalogue = options.Catalogue;
        _routes = new DirectoryRoutes(directory);
        _router = new AlertRouter(_routes, new SecureMailPolicy(options.SecureMailDomains), now);
    }

    public Plan Build()
    {
        var observations = new List<Observation>();
        foreach (var listing in _inputs.CourtListings.OrderBy(l => l.Source, SourceOrder))
        {
            if (MatchOne(listing.Source, listing.Person) is { } client)
            {
                observations.Add(new Observation(listing.HearingStart, listing.Source, client, listing, null, null));
            }
        }

        foreach (var result in _inputs.CourtResults.OrderBy(r => r.Source, SourceOrder))
        {
            if (MatchOne(result.Source, result.Person) is { } client)
            {
                observations.Add(new Observation(result.ResultTime ?? _now, result.Source, client, null, result, null));
            }
        }

        foreach (var discharge in _inputs.Discharges.OrderBy(d => d.Source, SourceOrder))
        {
            if (MatchOne(discharge.Source, discharge.Person) is { } client)
            {
                observations.Add(new Observation(discharge.MovedAt, discharge.Source, client, null, null, discharge));
            }
        }

        // Stable sort: time, then source (a total order over records).
        foreach (var observation in observations.OrderBy(o => o.At).ThenBy(o => o.Source, SourceOrder))
        {
            Process(observation);
        }

        FinishCourtTrips();

        _rejected.AddRange(_inputs.Rejections);
        var rejected = _rejected
            .OrderBy(r => r.Where, SourceOrder)
            .ThenBy(r => r.Reason, StringComparer.Ordinal)
            .ToList();
        var counts = new PlanCounts
        {
            RegisterClients = _index.Count,
            CourtListings = _inputs.CourtListings.Count,
            CourtResults = _inputs.CourtResults.Count,
            Discharges = _inputs.Discharges.Count,
            Matched = _matched,
            PossibleMatches = _possibleRecords,
            Unmatched = _unmatched,
            Ignored = _ignored,
            Events = _events.Count,
            AlertsReady = _alerts.Count(a => a.Status == AlertStatus.Ready),
            AlertsHeld = _alerts.Count(a => a.Status == AlertStatus.Held),
            ObligationsOpened = _opened.Count,
            ObligationsClosed = _closed.Count,
            Tasks = _tasks.Count,
            Rejected = rejected.Count,
        };
        return new Plan(_now, _routes.Version, _events, _alerts, _opened, _closed, _tasks, _possibleMatches, _trips, rejected, counts);
    }

    private Client? MatchOne(SourceRef source, PersonParticulars person)
    {
        var result = _index.Match(person);
        switch (result.Kind)
        {
            case MatchKind.Matched:
                _matched++;
                return result.Client;
            case MatchKind.Possible:
                // domain.md "Matching" step 3: held for a person to confirm or reject, never routed.
                _possibleRecords++;
                foreach (var candidate in result.Candidates)
                {
                    _possibleMatches.Add(new PossibleMatch(source, candidate.Client.Id, candidate.Reason));
                    _tasks.Add(new PlanTask(TaskKind.PossibleMatch, _router.OwningTeam(candidate.Client), candidate.Client.Id,
                        $"possible match in {source}: {candidate.Reason}; confirm or reject"));
                }

                return null;
            default:
                // domain.md "Consent and data minimisation": nothing about an unmatched person beyond counts.
                _unmatched++;
                return null;
        }
    }

    private void Process(Observation o)
    {
        var state = StateOf(o.Client);
        if (o.Discharge is { } discharge)
        {
            ProcessDischarge(o.Client, state, discharge);
        }
        else if (o.Result is { } result)
        {
            ProcessResult(o.Client, state, result, o.At);
        }
        else if (o.Listing is { } listing)
        {
            ProcessListing(o.Client, state, listing);
        }
    }

    /// <summary>domain.md "The journey as events": the discharge export mapping.</summary>
    private void ProcessDischarge(Client client, ClientState state, DischargeMovement d)
    {
        var reason = d.ReasonCode.Trim().ToUpperInvariant();
        var prison = Code(d.PrisonCode);
        var to = Code(d.ToAgency);
        if (reason == "MRG" || (d.MovementType == MovementType.TemporaryAbsence && !_options.TreatTemporaryAbsenceAsRelease))
        {
            // MRG is an administrative merge, not a movement; TAP is not a discharge unless configured.
            _ignored++;
            return;
        }

        switch (d.MovementType)
        {
            case MovementType.Transfer:
                Emit(client, state, NewEvent(EventKind.TransferredBetweenPrisons, client, d.Source, d.MovedAt, "000 §PP8")
                    with { PrisonCode = prison, ToPrisonCode = to, Detail = reason });
                state.Custody = to;
                if (d.ReleaseDate is { } transferRelease)
                {
                    Emit(client, state, NewEvent(EventKind.ReleaseDateKnown, client, d.Source, d.MovedAt, "000 §PP7")
                        with { PrisonCode = to, ReleaseDate = transferRelease });
                }

                break;

            case MovementType.Court:
                var sent = NewEvent(EventKind.SentToCourt, client, d.Source, d.MovedAt, "000 §PP10")
                    with { PrisonCode = prison, CourtCode = to, Detail = reason };
                Emit(client, state, sent);
                state.Trip = sent;
                if (d.ReleaseDate is { } courtRelease)
                {
                    Emit(client, state, NewEvent(EventKind.ReleaseDateKnown, client, d.Source, d.MovedAt, "000 §PP7")
                        with { PrisonCode = prison, ReleaseDate = courtRelease });
                }

                break;

            default:
                var (kind, processPoint) = reason switch
                {
                    "DEC" => (EventKind.Died, "000 §PP6"),
                    "HP" => (EventKind.ReleasedToHospital, "001 §9.6"),
                    "DD" or "DE" or "DL" => (EventKind.Deported, "001 §9.6"),
                    "UAL" or "ESCP" => (EventKind.Absconded, "001 §9.6"),
                    _ => (EventKind.ReleasedToCommunity, "000 §PP9"),
                };
                var released = NewEvent(kind, client, d.Source, d.MovedAt, processPoint) with { PrisonCode = prison, Detail = reason };
                Emit(client, state, released);
                if (state.Trip is { } trip)
                {
                    _trips.Add(new CourtTrip(trip.Id, client.Id, trip.PrisonCode!, trip.CourtCode!, TripResolution.Released, released.Id, processPoint));
                    state.Trip = null;
                }

                state.Custody = null;
                break;
        }
    }

    /// <summary>domain.md "The journey as events": court results, and the resolution of court trips (000 §PP11–PP14).</summary>
    private void ProcessResult(Client client, ClientState state, CourtResult r, Instant at)
    {
        var outcome = OutcomeCodes.Code(r.Outcome);
        var court = Code(r.CourtCode);
        if (OutcomeCodes.IsCustodial(r.Outcome))
        {
            if (string.IsNullOrWhiteSpace(r.Establishment))
            {
                _rejected.Add(new Rejection(r.Source, "custodial outcome without an establishment: no event could be detected", true));
                _ignored++;
                return;
            }

            var establishment = Code(r.Establishment);
            if (state.Trip is { } trip)
            {
                state.Trip = null;
                if (string.Equals(trip.PrisonCode, establishment, StringComparison.Ordinal))
                {
                    // 000 §PP12: back to the sending prison, which resumes continuity of care: no new reception.
                    _trips.Add(new CourtTrip(trip.Id, client.Id, trip.PrisonCode!, trip.CourtCode!, TripResolution.ReturnedToSamePrison, null, "000 §PP12"));
                    state.Custody = establishment;
                    return;
                }

                // 000 §PP11: the sending SMT closes the caseload; the receiving SMT follows process point 1.
                var notReturned = NewEvent(EventKind.NotReturnedFromCourt, client, r.Source, at, "000 §PP11")
                    with { PrisonCode = trip.PrisonCode, ToPrisonCode = establishment, CourtCode = court, Detail = outcome, CourtTripId = trip.Id };
                Emit(client, state, notReturned);
                _trips.Add(new CourtTrip(trip.Id, client.Id, trip.PrisonCode!, trip.CourtCode!, TripResolution.CustodyElsewhere, notReturned.Id, "000 §PP11"));
                Emit(client, state, NewEvent(EventKind.RemandedOrSentencedToPrison, client, r.Source, at, "000 §PP11")
                    with { PrisonCode = establishment, CourtCode = court, Detail = outcome, CourtTripId = trip.Id });
            }
            else
            {
                Emit(client, state, NewEvent(EventKind.RemandedOrSentencedToPrison, client, r.Source, at, ProcessPointRemand)
                    with { PrisonCode = establishment, CourtCode = court, Detail = outcome });
            }

            state.Custody = establishment;
            return;
        }

        if (OutcomeCodes.IsRelease(r.Outcome))
        {
            // 000 §PP13 where the court's CJIT has a court worker there, else §PP14.
            var processPoint = _routes.HasCourtWorker(court) ? "000 §PP13" : "000 §PP14";
            var sending = state.Trip?.PrisonCode ?? state.Custody;
            if (sending is null)
            {
                // Released from court only means something for a client who was in custody.
                _ignored++;
                return;
            }

            var released = NewEvent(EventKind.ReleasedFromCourt, client, r.Source, at, processPoint)
                with { PrisonCode = sending, CourtCode = court, Detail = outcome, CourtTripId = state.Trip?.Id };
            Emit(client, state, released);
            if (state.Trip is { } trip)
            {
                _trips.Add(new CourtTrip(trip.Id, client.Id, trip.PrisonCode!, trip.CourtCode!, TripResolution.Released, released.Id, processPoint));
                state.Trip = null;
            }

            state.Custody = null;
            return;
        }

        // ADJOURNED: no change of circumstance (the next hearing appears in a later court list).
        _ignored++;
    }

    /// <summary>domain.md "Routing": ListedForHearing for a client in custody or on a CJIT caseload (000 §PP10, §PP13).</summary>
    private void ProcessListing(Client client, ClientState state, CourtListing l)
    {
        var inCustody = state.Custody is not null || l.InCustody;
        var onCaseload = !string.IsNullOrWhiteSpace(client.CjitCode) || _routes.HomeCjit(client) is not null;
        if (!inCustody && !onCaseload)
        {
            _ignored++;
            return;
        }

        Emit(client, state, NewEvent(EventKind.ListedForHearing, client, l.Source, l.HearingStart, "000 §PP10, §PP13")
            with
            {
                CourtCode = Code(l.CourtCode),
                PrisonCode = state.Custody ?? (l.PrisonCode is null ? null : Code(l.PrisonCode)),
                HearingStart = l.HearingStart,
                Detail = inCustody ? "IN_CUSTODY" : null,
            });
    }

    /// <summary>domain.md "NotReturnedFromCourt": unresolved after the configured wait → the SMT must establish it.</summary>
    private void FinishCourtTrips()
    {
        foreach (var (clientId, state) in _states.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            if (state.Trip is not { } trip)
            {
                continue;
            }

            var established = trip.OccurredAt + _catalogue.NonReturnWait;
            if (_now < established)
            {
                _trips.Add(new CourtTrip(trip.Id, clientId, trip.PrisonCode!, trip.CourtCode!, TripResolution.AwaitingResult, null, "000 §PP10"));
                continue;
            }

            var notReturned = NewEvent(EventKind.NotReturnedFromCourt, state.Client, trip.Source, established, "000 §PP13")
                with { PrisonCode = trip.PrisonCode, CourtCode = trip.CourtCode, CourtTripId = trip.Id };
            Emit(state.Client, state, notReturned);
            _trips.Add(new CourtTrip(trip.Id, clientId, trip.PrisonCode!, trip.CourtCode!, TripResolution.NonReturnToEstablish, notReturned.Id, "000 §PP13"));
            state.Trip = null;
        }
    }

    private void Emit(Client client, ClientState state, CareEvent e)
    {
        _events.Add(e);

        // Later data closes or cancels what this plan opened earlier for the same client.
        for (var i = 0; i < state.Open.Count;)
        {
            var open = state.Open[i];
            if (ObligationClosingRules.Closes(e, open.Obligation.RuleId, open.Obligation.Owner, open.Prison) is { } closure)
            {
                _closed.Add(new ObligationClosure(open.Obligation.Id, open.Obligation.RuleId, client.Id, e.Id, closure.Outcome, closure.Reason));
                state.Open.RemoveAt(i);
            }
            else
            {
                i++;
            }
        }

        var requests = new Dictionary<string, AlertRequest>(StringComparer.Ordinal);
        foreach (var spec in ObligationsFor(e, client))
        {
            var obligation = Open(e, client, spec);
            _opened.Add(obligation);
            state.Open.Add(new OpenObligation(obligation, spec.Prison));
            if (obligation.Due is { } due)
            {
                requests.TryAdd(obligation.RuleId, new AlertRequest(obligation.Id, obligation.RuleId, obligation.MustDo, due));
            }
        }

        var (alerts, tasks) = _router.Route(e, client, requests);
        _alerts.AddRange(alerts);
        _tasks.AddRange(tasks);
    }

    /// <summary>domain.md "Obligations and their deadlines": what each event opens, for whom, from when.</summary>
    private List<ObligationSpec> ObligationsFor(CareEvent e, Client client)
    {
        var home = _routes.HomeCjit(client)?.OrgCode ?? _routes.RegionalTeam?.OrgCode ?? PlanTask.Operator;
        var specs = new List<ObligationSpec>();
        void Reception(string prison, bool includeNewDir)
        {
            specs.Add(new(RuleIds.SmtClinicalAssessment, prison, e.OccurredAt));
            specs.Add(new(RuleIds.SmtKeyworker, prison, e.OccurredAt));
            if (includeNewDir)
            {
                specs.Add(new(RuleIds.SmtNewDirIfNone, prison, e.OccurredAt));
            }

            specs.Add(new(RuleIds.SmtTriageAssessment, prison, e.OccurredAt));
            specs.Add(new(RuleIds.SmtCarePlan, prison, e.OccurredAt));
        }

        switch (e.Kind)
        {
            case EventKind.RemandedOrSentencedToPrison:
                // 000 Part 1: the 24h rule runs "from the moment the hub learned of it" — now.
                specs.Add(new(RuleIds.CjitDirToPrison, home, _now, Prison: e.PrisonCode));
                Reception(e.PrisonCode!, includeNewDir: true);
                if (e.Detail == "REMANDED_IN_CUSTODY")
                {
                    specs.Add(new(RuleIds.SmtRemandDirUpdate, e.PrisonCode!, e.OccurredAt));
                }

                if (e.Detail == "SENTENCED_TO_CUSTODY" && _routes.Probation is { } probation)
                {
                    specs.Add(new(RuleIds.ProbationPsrToPrison, probation.OrgCode, e.OccurredAt));
                }

                break;

            case EventKind.TransferredBetweenPrisons:
                specs.Add(new(RuleIds.SmtTransferNotice, e.PrisonCode!, e.OccurredAt));
                specs.Add(new(RuleIds.SmtActivityClose, e.PrisonCode!, e.OccurredAt));
                Reception(e.ToPrisonCode!, includeNewDir: false);
                break;

            case EventKind.ReleasedToCommunity:
                specs.Add(new(RuleIds.CjitPostReleaseContact, home, e.OccurredAt));
                specs.Add(new(RuleIds.SmtActivityClose, e.PrisonCode!, e.OccurredAt));
                break;

            case EventKind.ReleasedFromCourt:
                specs.Add(new(RuleIds.CjitReleasedFromCourt, home, e.OccurredAt));
                specs.Add(new(RuleIds.SmtNonReturnClose, e.PrisonCode!, e.OccurredAt));
                break;

            case EventKind.NotReturnedFromCourt when e.ToPrisonCode is not null:
                // 000 §PP11: established by the court result: the sending SMT closes the caseload.
                specs.Add(new(RuleIds.SmtNonReturnClose, e.PrisonCode!, e.OccurredAt));
                break;

            case EventKind.Died or EventKind.ReleasedToHospital or EventKind.Deported or EventKind.Absconded:
                specs.Add(new(RuleIds.SmtActivityClose, e.PrisonCode!, e.OccurredAt));
                break;

            case EventKind.ReleaseDateKnown:
                specs.Add(new(RuleIds.SmtReleasePlanning, e.PrisonCode!, e.OccurredAt, e.ReleaseDate));
                break;
        }

        return specs;
    }

    private PlannedObligation Open(CareEvent e, Client client, ObligationSpec spec)
    {
        var rule = _catalogue[spec.RuleId];
        var id = DeterministicIds.Obligation(spec.RuleId, e.Id);
        var priority = client.Ppo ? ObligationPriority.Ppo : ObligationPriority.Standard;
        try
        {
            var due = DeadlineCalculator.Due(rule.Deadline, spec.Start, _calendar, spec.ReferenceDate);
            return new PlannedObligation(id, spec.RuleId, spec.Owner, client.Id, e.Id, rule.MustDo, spec.Start, due.Due, priority,
                $"{rule.Deadline.Describe()} ({rule.Citation}): {due.Explanation}", due.LateFromStart);
        }
        catch (CalendarCoverageException ex)
        {
            // domain.md: beyond the holiday list is an error the operator sees, never a silent guess.
            _tasks.Add(new PlanTask(TaskKind.CalendarNotCovered, PlanTask.Operator, client.Id, $"{spec.RuleId}: {ex.Message}", e.Id));
            return new PlannedObligation(id, spec.RuleId, spec.Owner, client.Id, e.Id, rule.MustDo, spec.Start, null, priority, ex.Message, false);
        }
    }

    private CareEvent NewEvent(EventKind kind, Client client, SourceRef source, Instant at, string processPoint)
    {
        var identity = _inputs.SourceIdentities?.GetValueOrDefault(source.SourceFile) ?? source.SourceFile;
        return new CareEvent(DeterministicIds.Event(identity, source, kind), kind, client.Id, source, at, processPoint);
    }

    private ClientState StateOf(Client client)
    {
        if (!_states.TryGetValue(client.Id, out var state))
        {
            state = new ClientState(client) { Custody = client.CurrentPrison is null ? null : Code(client.CurrentPrison) };
            _states.Add(client.Id, state);
        }

        return state;
    }

    private static string Code(string code) => code.Trim().ToUpperInvariant();

    private sealed record Observation(
        Instant At, SourceRef Source, Client Client, CourtListing? Listing, CourtResult? Result, DischargeMovement? Discharge);

    private sealed record ObligationSpec(string RuleId, string Owner, Instant Start, LocalDate? ReferenceDate = null, string? Prison = null);

    private sealed record OpenObligation(PlannedObligation Obligation, string? Prison);

    private sealed class ClientState(Client client)
    {
        public Client Client { get; } = client;

        public string? Custody { get; set; }

        public CareEvent? Trip { get; set; }

        public List<OpenObligation> Open { get; } = [];
    }
}
