using ContinuityOfCare.Core.Clients;
using ContinuityOfCare.Core.Events;
using ContinuityOfCare.Core.Inputs;
using ContinuityOfCare.Core.Obligations;
using ContinuityOfCare.Core.Routing;
using NodaTime;

namespace ContinuityOfCare.Core.Planning;

/// <summary>
/// The journey state machine (docs/domain.md "The journey as events"): a client's matched records, replayed in time order,
/// move them between custody, court trips and the community; each move is a <see cref="CareEvent"/> handed to
/// <see cref="EventConsequences"/>. Records that change nothing are counted as ignored.
/// </summary>
internal sealed class JourneyStateMachine
{
    private const string ProcessPointRemand = "000 Part 1, §PP1–PP4";

    private readonly PlanInputs _inputs;
    private readonly DirectoryRoutes _routes;
    private readonly PlanOptions _options;
    private readonly Instant _now;
    private readonly EventConsequences _consequences;
    private readonly PlanLedger _ledger;
    private readonly Dictionary<string, ClientJourneyState> _states = new(StringComparer.Ordinal);

    public JourneyStateMachine(
        PlanInputs inputs, DirectoryRoutes routes, PlanOptions options, Instant now, EventConsequences consequences, PlanLedger ledger)
    {
        _inputs = inputs;
        _routes = routes;
        _options = options;
        _now = now;
        _consequences = consequences;
        _ledger = ledger;
    }

    /// <summary>Moves the observation's client on by one record.</summary>
    public void Process(JourneyObservation o)
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

    /// <summary>docs/domain.md "NotReturnedFromCourt": unresolved after the configured wait → the SMT must establish it.</summary>
    public void FinishCourtTrips()
    {
        foreach (var (clientId, state) in _states.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            if (state.Trip is not { } trip)
            {
                continue;
            }

            var established = trip.OccurredAt + _options.Catalogue.NonReturnWait;
            if (_now < established)
            {
                _ledger.Trips.Add(new CourtTrip(trip.Id, clientId, trip.PrisonCode!, trip.CourtCode!, TripResolution.AwaitingResult, null, "000 §PP10"));
                continue;
            }

            var notReturned = NewEvent(EventKind.NotReturnedFromCourt, state.Client, trip.Source, established, "000 §PP13")
                with { PrisonCode = trip.PrisonCode, CourtCode = trip.CourtCode, CourtTripId = trip.Id };
            Emit(state.Client, state, notReturned);
            _ledger.Trips.Add(new CourtTrip(trip.Id, clientId, trip.PrisonCode!, trip.CourtCode!, TripResolution.NonReturnToEstablish, notReturned.Id, "000 §PP13"));
            state.Trip = null;
        }
    }

    /// <summary>docs/domain.md "The journey as events": the discharge export mapping.</summary>
    private void ProcessDischarge(Client client, ClientJourneyState state, DischargeMovement d)
    {
        var reason = d.ReasonCode.Trim().ToUpperInvariant();
        var prison = Code(d.PrisonCode);
        var to = Code(d.ToAgency);
        if (reason == "MRG" || (d.MovementType == MovementType.TemporaryAbsence && !_options.TreatTemporaryAbsenceAsRelease))
        {
            // MRG is an administrative merge, not a movement; TAP is not a discharge unless configured.
            _ledger.Ignored++;
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
                    _ledger.Trips.Add(new CourtTrip(trip.Id, client.Id, trip.PrisonCode!, trip.CourtCode!, TripResolution.Released, released.Id, processPoint));
                    state.Trip = null;
                }

                state.Custody = null;
                break;
        }
    }

    /// <summary>docs/domain.md "The journey as events": court results, and the resolution of court trips (000 §PP11–PP14).</summary>
    private void ProcessResult(Client client, ClientJourneyState state, CourtResult r, Instant at)
    {
        var outcome = OutcomeCodes.Code(r.Outcome);
        var court = Code(r.CourtCode);
        if (OutcomeCodes.IsCustodial(r.Outcome))
        {
            if (string.IsNullOrWhiteSpace(r.Establishment))
            {
                _ledger.Rejected.Add(new Rejection(r.Source, "custodial outcome without an establishment: no event could be detected", true));
                _ledger.Ignored++;
                return;
            }

            var establishment = Code(r.Establishment);
            if (state.Trip is { } trip)
            {
                state.Trip = null;
                if (string.Equals(trip.PrisonCode, establishment, StringComparison.Ordinal))
                {
                    // 000 §PP12: back to the sending prison, which resumes continuity of care: no new reception.
                    _ledger.Trips.Add(new CourtTrip(trip.Id, client.Id, trip.PrisonCode!, trip.CourtCode!, TripResolution.ReturnedToSamePrison, null, "000 §PP12"));
                    state.Custody = establishment;
                    return;
                }

                // 000 §PP11: the sending SMT closes the caseload; the receiving SMT follows process point 1.
                var notReturned = NewEvent(EventKind.NotReturnedFromCourt, client, r.Source, at, "000 §PP11")
                    with { PrisonCode = trip.PrisonCode, ToPrisonCode = establishment, CourtCode = court, Detail = outcome, CourtTripId = trip.Id };
                Emit(client, state, notReturned);
                _ledger.Trips.Add(new CourtTrip(trip.Id, client.Id, trip.PrisonCode!, trip.CourtCode!, TripResolution.CustodyElsewhere, notReturned.Id, "000 §PP11"));
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
                _ledger.Ignored++;
                return;
            }

            var released = NewEvent(EventKind.ReleasedFromCourt, client, r.Source, at, processPoint)
                with { PrisonCode = sending, CourtCode = court, Detail = outcome, CourtTripId = state.Trip?.Id };
            Emit(client, state, released);
            if (state.Trip is { } trip)
            {
                _ledger.Trips.Add(new CourtTrip(trip.Id, client.Id, trip.PrisonCode!, trip.CourtCode!, TripResolution.Released, released.Id, processPoint));
                state.Trip = null;
            }

            state.Custody = null;
            return;
        }

        // ADJOURNED: no change of circumstance (the next hearing appears in a later court list).
        _ledger.Ignored++;
    }

    /// <summary>docs/domain.md "Routing": ListedForHearing for a client in custody or on a CJIT caseload (000 §PP10, §PP13).</summary>
    private void ProcessListing(Client client, ClientJourneyState state, CourtListing l)
    {
        var inCustody = state.Custody is not null || l.InCustody;
        var onCaseload = !string.IsNullOrWhiteSpace(client.CjitCode) || _routes.HomeCjit(client) is not null;
        if (!inCustody && !onCaseload)
        {
            _ledger.Ignored++;
            return;
        }

        Emit(client, state, NewEvent(EventKind.ListedForHearing, client, l.Source, l.HearingStart, "000 §PP10, §PP13")
            with
            {
                CourtCode = l.CourtCode is null ? null : Code(l.CourtCode),
                CourtName = l.CourtCode is null ? l.CourtName : null,
                PrisonCode = state.Custody ?? (l.PrisonCode is null ? null : Code(l.PrisonCode)),
                HearingStart = l.HearingStart,
                Detail = inCustody ? ListingDetail.InCustody : null,
            });
    }

    private void Emit(Client client, ClientJourneyState state, CareEvent e) => _consequences.Apply(client, state, e);

    private CareEvent NewEvent(EventKind kind, Client client, SourceRef source, Instant at, string processPoint)
    {
        var identity = _inputs.SourceIdentities?.GetValueOrDefault(source.SourceFile) ?? source.SourceFile;
        return new CareEvent(DeterministicIds.Event(identity, source, kind), kind, client.Id, source, at, processPoint);
    }

    private ClientJourneyState StateOf(Client client)
    {
        if (!_states.TryGetValue(client.Id, out var state))
        {
            state = new ClientJourneyState(client) { Custody = client.CurrentPrison is null ? null : Code(client.CurrentPrison) };
            _states.Add(client.Id, state);
        }

        return state;
    }

    private static string Code(string code) => code.Trim().ToUpperInvariant();
}
