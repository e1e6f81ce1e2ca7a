using System.Text;
using System.Text.Json;
using ContinuityOfCare.Core.Alerts;
using ContinuityOfCare.Core.Directory;
using ContinuityOfCare.Core.Planning;

namespace ContinuityOfCare.Mail.Outbox;

/// <summary>
/// The form stored in an outbox row, in exactly the shape of one item of the plan JSON's <c>alerts[]</c> (docs/plan.md),
/// so there is one Alert Form JSON shape in the hub. Read back with the core's reader
/// (<see cref="AlertFormJson.ReadAlerts(Stream)"/>), never a second parser.
/// </summary>
public static class OutboxFormJson
{
    /// <summary>Writes <paramref name="form"/> as a plan alert object.</summary>
    public static string Serialize(AlertForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("id", form.Id);
            json.WriteString("reference", form.Reference);
            json.WriteString("event", form.Event.ToString());
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
            json.WriteStartObject("client");
            json.WriteString("clientId", form.Client.ClientId);
            WriteNullable(json, "name", form.Client.Name);
            WriteNullable(json, "dateOfBirth", form.Client.DateOfBirth is { } dob ? PlanJsonFormats.DatePattern.Format(dob) : null);
            WriteNullable(json, "noms", form.Client.Noms);
            WriteNullable(json, "pnc", form.Client.Pnc);
            json.WriteEndObject();
            json.WriteStartArray("boxes");
            foreach (var box in form.Boxes)
            {
                json.WriteStringValue(box.ToString());
            }

            json.WriteEndArray();
            json.WriteString("sentence", form.Sentence);
            json.WriteString("summary", form.Summary);
            if (form.Request is { } request)
            {
                json.WriteStartObject("request");
                json.WriteString("obligationId", request.ObligationId);
                json.WriteString("rule", request.RuleId);
                json.WriteString("mustDo", request.MustDo);
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

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Reads one alert object written by <see cref="Serialize"/> (or copied from a plan's <c>alerts[]</c>).</summary>
    /// <exception cref="JsonException">Not an alert object (the message names the missing field).</exception>
    public static AlertForm Deserialize(string alertJson)
    {
        ArgumentNullException.ThrowIfNull(alertJson);
        using var plan = new MemoryStream(Encoding.UTF8.GetBytes("{\"alerts\":[" + alertJson + "]}"));
        return AlertFormJson.ReadAlerts(plan).Single();
    }

    private static void WriteParty(Utf8JsonWriter json, string name, AlertParty party)
    {
        json.WriteStartObject(name);
        json.WriteString("orgCode", party.OrgCode);
        json.WriteString("orgName", party.OrgName);
        json.WriteString("orgType", party.OrgType.ToCode());
        WriteNullable(json, "spocName", party.SpocName);
        json.WriteString("email", party.Email);
        WriteNullable(json, "phone", party.Phone);
        WriteNullable(json, "phone24x7", party.Phone24x7);
        json.WriteEndObject();
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, string? value)
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
}
