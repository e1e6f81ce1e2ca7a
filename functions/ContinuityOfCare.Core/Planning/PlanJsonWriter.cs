using System.Text.Json;
using ContinuityOfCare.Core.Alerts;
using ContinuityOfCare.Core.Directory;
using ContinuityOfCare.Core.Events;
using ContinuityOfCare.Core.Obligations;
using ContinuityOfCare.Core.Planning.Json;
using NodaTime;

namespace ContinuityOfCare.Core.Planning;

/// <summary>
/// Writes a <see cref="Plan"/> as the stable JSON documented in docs/plan.md (schema version
/// <see cref="Plan.SchemaVersion"/>), by source-generated serialization of <see cref="PlanDocument"/>. Byte-identical
/// for equal plans: fixed property order, the plan's own deterministic list order, invariant formats, "\n" line endings.
/// </summary>
public static class PlanJsonWriter
{
    /// <summary>Writes <paramref name="plan"/> to <paramref name="output"/> (UTF-8, no BOM).</summary>
    public static void Write(Plan plan, Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        JsonSerializer.Serialize(output, Document(plan), PlanJsonContexts.Plan.PlanDocument);
    }

    /// <summary>The JSON as a UTF-8 byte array.</summary>
    public static byte[] ToUtf8Bytes(Plan plan) => JsonSerializer.SerializeToUtf8Bytes(Document(plan), PlanJsonContexts.Plan.PlanDocument);

    /// <summary>
    /// Writes one Alert Form as an object of the plan's <c>alerts[]</c> (docs/plan.md) without the plan's view of it
    /// (status, held reason, event id): the shape the mail outbox stores. <see cref="AlertFormJson"/> reads it back.
    /// </summary>
    /// <param name="json">The writer, positioned where a value may start.</param>
    /// <param name="form">The form.</param>
    public static void WriteAlertForm(Utf8JsonWriter json, AlertForm form)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonSerializer.Serialize(json, Alert(form, planned: null), PlanJsonContexts.FormOnly);
    }

    private static PlanDocument Document(Plan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new PlanDocument(
            Plan.SchemaVersion,
            plan.Now,
            plan.DirectoryVersion,
            plan.Counts,
            [.. plan.Events.Select(Event)],
            [.. plan.Alerts.Select(a => Alert(a.Form, a))],
            [.. plan.ObligationsOpened.Select(o => new ObligationDocument(
                o.Id, o.RuleId, o.Owner, o.ClientId, o.EventId, o.MustDo, London(o.Start), o.Due is { } due ? London(due) : null, o.Due,
                o.Priority == ObligationPriority.Ppo ? "ppo" : "standard", o.LateFromStart, o.Explanation))],
            [.. plan.ObligationsClosed.Select(c => new ClosureDocument(
                c.ObligationId, c.RuleId, c.ClientId, c.ClosedByEventId, c.Outcome == ClosureOutcome.Fulfilled ? "fulfilled" : "cancelled", c.Reason))],
            [.. plan.Tasks.Select(t => new TaskDocument(PlanJsonFormats.UpperSnake(t.Kind.ToString()), t.Owner, t.ClientId, t.EventId, t.Reason))],
            [.. plan.Matches.Select(m => new MatchDocument(m.Source.SourceFile, m.Source.Line, m.Source.JsonPath, m.ClientId, PlanJsonFormats.UpperSnake(m.Rule.ToString()), m.Reason))],
            [.. plan.PossibleMatches.Select(p => new PossibleMatchDocument(
                p.Source.SourceFile, p.Source.Line, p.Source.JsonPath, p.ClientId, p.Reason, p.Weight?.Total,
                [.. (p.Weight?.Parts ?? []).Select(part => new WeightPartDocument(part.Field, part.Level, part.Weight))]))],
            [.. plan.CourtTrips.Select(trip => new CourtTripDocument(
                trip.SentToCourtEventId, trip.ClientId, trip.SendingPrison, trip.CourtCode, PlanJsonFormats.UpperSnake(trip.Resolution.ToString()),
                trip.ResolvedByEventId, trip.ProcessPoint))],
            [.. plan.Rejected.Select(r => new RejectionDocument(r.Where.SourceFile, r.Where.Line, r.Where.JsonPath, r.Reason, r.IsWarning))]);
    }

    private static EventDocument Event(CareEvent e) => new(
        e.Id, e.Kind.ToString(), e.ClientId, e.Source.SourceFile, e.Source.Line, e.Source.JsonPath, London(e.OccurredAt), e.ProcessPoint,
        e.PrisonCode, e.ToPrisonCode, e.CourtCode, e.Detail, e.HearingStart is { } hearing ? London(hearing) : null, e.ReleaseDate, e.CourtTripId,
        e.CourtName);

    private static AlertDocument Alert(AlertForm form, PlannedAlert? planned)
    {
        ArgumentNullException.ThrowIfNull(form);
        return new AlertDocument(
            form.Id,
            form.Reference,
            planned is null ? null : planned.Status == AlertStatus.Ready ? "ready" : "held",
            planned?.HeldReason,
            form.Event.ToString(),
            planned?.EventId,
            form.ProcessPoint,
            form.From is { } from ? Party(from) : null,
            Party(form.To),
            form.To.Email,
            form.Client.ClientId,
            new ClientDocument(form.Client.ClientId, form.Client.Name, form.Client.DateOfBirth, form.Client.Noms, form.Client.Pnc),
            [.. form.Boxes.Select(box => box.ToString())],
            form.Sentence,
            form.Summary,
            form.InCustody,
            form.Request is { } request
                ? new RequestDocument(request.ObligationId, request.RuleId, request.MustDo, London(request.Due), request.Due)
                : null,
            form.Reason,
            form.CreatedAt);
    }

    private static PartyDocument Party(AlertParty party) => new(
        party.OrgCode, party.OrgName, party.OrgType.ToCode(), party.SpocName, party.Email, party.Phone, party.Phone24x7);

    private static OffsetDateTime London(Instant instant) => PlanJsonFormats.LondonTime(instant);
}
