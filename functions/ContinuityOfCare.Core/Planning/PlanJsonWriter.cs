using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using ContinuityOfCare.Core.Alerts;
using ContinuityOfCare.Core.Directory;
using ContinuityOfCare.Core.Events;
using ContinuityOfCare.Core.Inputs;

namespace ContinuityOfCare.Core.Planning;

/// <summary>
/// Writes a <see cref="Plan"/> as the stable JSON documented in docs/plan.md (schema version
/// <see cref="Plan.SchemaVersion"/>). Byte-identical for equal plans: fixed property order, the plan's own deterministic
/// list order, invariant formats, "\n" line endings.
/// </summary>
public static class PlanJsonWriter
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    /// <summary>Writes <paramref name="plan"/> to <paramref name="output"/> (UTF-8, no BOM).</summary>
    public static void Write(Plan plan, Stream output)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(output);
        using var json = new Utf8JsonWriter(output, Options);
        json.WriteStartObject();
        json.WriteNumber("schemaVersion", Plan.SchemaVersion);
        json.WriteString("now", PlanJsonFormats.Utc(plan.Now));
        json.WriteNumber("directoryVersion", plan.DirectoryVersion);
        WriteCounts(json, plan.Counts);

        json.WriteStartArray("events");
        foreach (var e in plan.Events)
        {
            WriteEvent(json, e);
        }

        json.WriteEndArray();

        json.WriteStartArray("alerts");
        foreach (var alert in plan.Alerts)
        {
            WriteAlert(json, alert);
        }

        json.WriteEndArray();

        json.WriteStartArray("obligations");
        foreach (var o in plan.ObligationsOpened)
        {
            json.WriteStartObject();
            json.WriteString("id", o.Id);
            json.WriteString("rule", o.RuleId);
            json.WriteString("owner", o.Owner);
            json.WriteString("clientId", o.ClientId);
            json.WriteString("eventId", o.EventId);
            json.WriteString("mustDo", o.MustDo);
            json.WriteString("start", PlanJsonFormats.London(o.Start));
            WriteNullableInstant(json, "due", o.Due, london: true);
            WriteNullableInstant(json, "dueUtc", o.Due, london: false);
            json.WriteString("priority", o.Priority == Obligations.ObligationPriority.Ppo ? "ppo" : "standard");
            json.WriteBoolean("lateFromStart", o.LateFromStart);
            json.WriteString("explanation", o.Explanation);
            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WriteStartArray("obligationsClosed");
        foreach (var c in plan.ObligationsClosed)
        {
            json.WriteStartObject();
            json.WriteString("id", c.ObligationId);
            json.WriteString("rule", c.RuleId);
            json.WriteString("clientId", c.ClientId);
            json.WriteString("closedBy", c.ClosedByEventId);
            json.WriteString("outcome", c.Outcome == ClosureOutcome.Fulfilled ? "fulfilled" : "cancelled");
            json.WriteString("reason", c.Reason);
            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WriteStartArray("tasks");
        foreach (var t in plan.Tasks)
        {
            json.WriteStartObject();
            json.WriteString("kind", PlanJsonFormats.UpperSnake(t.Kind.ToString()));
            json.WriteString("owner", t.Owner);
            json.WriteString("clientId", t.ClientId);
            WriteNullableString(json, "eventId", t.EventId);
            json.WriteString("reason", t.Reason);
            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WriteStartArray("matches");
        foreach (var m in plan.Matches)
        {
            json.WriteStartObject();
            WriteSource(json, m.Source);
            json.WriteString("clientId", m.ClientId);
            json.WriteString("rule", PlanJsonFormats.UpperSnake(m.Rule.ToString()));
            json.WriteString("reason", m.Reason);
            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WriteStartArray("possibleMatches");
        foreach (var p in plan.PossibleMatches)
        {
            json.WriteStartObject();
            WriteSource(json, p.Source);
            json.WriteString("clientId", p.ClientId);
            json.WriteString("reason", p.Reason);
            if (p.Weight is { } weight)
            {
                json.WriteNumber("weight", weight.Total);
                json.WriteStartArray("weightParts");
                foreach (var part in weight.Parts)
                {
                    json.WriteStartObject();
                    json.WriteString("field", part.Field);
                    json.WriteString("level", part.Level);
                    json.WriteNumber("weight", part.Weight);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }
            else
            {
                json.WriteNull("weight");
                json.WriteStartArray("weightParts");
                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WriteStartArray("courtTrips");
        foreach (var trip in plan.CourtTrips)
        {
            json.WriteStartObject();
            json.WriteString("sentToCourtEventId", trip.SentToCourtEventId);
            json.WriteString("clientId", trip.ClientId);
            json.WriteString("sendingPrison", trip.SendingPrison);
            json.WriteString("court", trip.CourtCode);
            json.WriteString("resolution", PlanJsonFormats.UpperSnake(trip.Resolution.ToString()));
            WriteNullableString(json, "resolvedByEventId", trip.ResolvedByEventId);
            json.WriteString("processPoint", trip.ProcessPoint);
            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WriteStartArray("rejected");
        foreach (var r in plan.Rejected)
        {
            json.WriteStartObject();
            WriteSource(json, r.Where);
            json.WriteString("reason", r.Reason);
            json.WriteBoolean("warning", r.IsWarning);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
    }

    /// <summary>The JSON as a UTF-8 byte array.</summary>
    public static byte[] ToUtf8Bytes(Plan plan)
    {
        using var buffer = new MemoryStream();
        Write(plan, buffer);
        return buffer.ToArray();
    }

    private static void WriteCounts(Utf8JsonWriter json, PlanCounts counts)
    {
        json.WriteStartObject("counts");
        json.WriteNumber("registerClients", counts.RegisterClients);
        json.WriteNumber("courtListings", counts.CourtListings);
        json.WriteNumber("courtResults", counts.CourtResults);
        json.WriteNumber("discharges", counts.Discharges);
        json.WriteNumber("matched", counts.Matched);
        json.WriteNumber("possibleMatches", counts.PossibleMatches);
        json.WriteNumber("unmatched", counts.Unmatched);
        json.WriteNumber("ignored", counts.Ignored);
        json.WriteNumber("events", counts.Events);
        json.WriteNumber("alertsReady", counts.AlertsReady);
        json.WriteNumber("alertsHeld", counts.AlertsHeld);
        json.WriteNumber("obligationsOpened", counts.ObligationsOpened);
        json.WriteNumber("obligationsClosed", counts.ObligationsClosed);
        json.WriteNumber("tasks", counts.Tasks);
        json.WriteNumber("rejected", counts.Rejected);
        json.WriteEndObject();
    }

    private static void WriteEvent(Utf8JsonWriter json, CareEvent e)
    {
        json.WriteStartObject();
        json.WriteString("id", e.Id);
        json.WriteString("kind", e.Kind.ToString());
        json.WriteString("clientId", e.ClientId);
        WriteSource(json, e.Source);
        json.WriteString("occurredAt", PlanJsonFormats.London(e.OccurredAt));
        json.WriteString("processPoint", e.ProcessPoint);
        WriteNullableString(json, "prison", e.PrisonCode);
        WriteNullableString(json, "toPrison", e.ToPrisonCode);
        WriteNullableString(json, "court", e.CourtCode);
        WriteNullableString(json, "detail", e.Detail);
        WriteNullableInstant(json, "hearingStart", e.HearingStart, london: true);
        WriteNullableString(json, "releaseDate", e.ReleaseDate is { } d ? PlanJsonFormats.DatePattern.Format(d) : null);
        WriteNullableString(json, "courtTripId", e.CourtTripId);
        WriteNullableString(json, "courtName", e.CourtName);
        json.WriteEndObject();
    }

    private static void WriteAlert(Utf8JsonWriter json, PlannedAlert alert) => WriteAlertForm(json, alert.Form, alert);

    /// <summary>
    /// Writes one Alert Form as an object of the plan's <c>alerts[]</c> (docs/plan.md). The one Alert Form JSON shape in
    /// the hub: the mail outbox stores forms with it (without <paramref name="planned"/>), and
    /// <see cref="AlertFormJson"/> reads both back.
    /// </summary>
    /// <param name="json">The writer, positioned where a value may start.</param>
    /// <param name="form">The form.</param>
    /// <param name="planned">The plan's view of the form (status, held reason, event id), when writing a plan.</param>
    public static void WriteAlertForm(Utf8JsonWriter json, AlertForm form, PlannedAlert? planned = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(form);
        json.WriteStartObject();
        json.WriteString("id", form.Id);
        json.WriteString("reference", form.Reference);
        if (planned is not null)
        {
            json.WriteString("status", planned.Status == AlertStatus.Ready ? "ready" : "held");
            WriteNullableString(json, "heldReason", planned.HeldReason);
        }

        json.WriteString("event", form.Event.ToString());
        if (planned is not null)
        {
            json.WriteString("eventId", planned.EventId);
        }

        json.WriteString("processPoint", form.ProcessPoint);
        if (form.From is { } from)
        {
            WriteParty(json, "from", from);
        }
        else
        {
            json.WriteNull("from");
        }

        WriteParty(json, "to", form.To);
        json.WriteString("toEmail", form.To.Email);
        json.WriteString("clientId", form.Client.ClientId);
        json.WriteStartObject("client");
        json.WriteString("clientId", form.Client.ClientId);
        WriteNullableString(json, "name", form.Client.Name);
        WriteNullableString(json, "dateOfBirth", form.Client.DateOfBirth is { } dob ? PlanJsonFormats.DatePattern.Format(dob) : null);
        WriteNullableString(json, "noms", form.Client.Noms);
        WriteNullableString(json, "pnc", form.Client.Pnc);
        json.WriteEndObject();
        json.WriteStartArray("boxes");
        foreach (var box in form.Boxes)
        {
            json.WriteStringValue(box.ToString());
        }

        json.WriteEndArray();
        json.WriteString("sentence", form.Sentence);
        json.WriteString("summary", form.Summary);
        json.WriteBoolean("inCustody", form.InCustody);
        if (form.Request is { } request)
        {
            json.WriteStartObject("request");
            json.WriteString("obligationId", request.ObligationId);
            json.WriteString("rule", request.RuleId);
            json.WriteString("mustDo", request.MustDo);
            json.WriteString("due", PlanJsonFormats.London(request.Due));
            json.WriteString("dueUtc", PlanJsonFormats.Utc(request.Due));
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("request");
        }

        json.WriteString("reason", form.Reason);
        json.WriteString("createdAt", PlanJsonFormats.Utc(form.CreatedAt));
        json.WriteEndObject();
    }

    private static void WriteParty(Utf8JsonWriter json, string name, AlertParty party)
    {
        json.WriteStartObject(name);
        json.WriteString("orgCode", party.OrgCode);
        json.WriteString("orgName", party.OrgName);
        json.WriteString("orgType", party.OrgType.ToCode());
        WriteNullableString(json, "spocName", party.SpocName);
        json.WriteString("email", party.Email);
        WriteNullableString(json, "phone", party.Phone);
        WriteNullableString(json, "phone24x7", party.Phone24x7);
        json.WriteEndObject();
    }

    private static void WriteSource(Utf8JsonWriter json, SourceRef source)
    {
        json.WriteString("source", source.SourceFile);
        if (source.Line is { } line)
        {
            json.WriteNumber("line", line);
        }
        else
        {
            json.WriteNull("line");
        }

        WriteNullableString(json, "path", source.JsonPath);
    }

    private static void WriteNullableString(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }

    private static void WriteNullableInstant(Utf8JsonWriter json, string name, NodaTime.Instant? value, bool london)
    {
        if (value is not { } instant)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, london ? PlanJsonFormats.London(instant) : PlanJsonFormats.Utc(instant));
        }
    }
}
