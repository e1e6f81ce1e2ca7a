using System.Globalization;
using System.Text.Json;
using ContinuityOfCare.Core.Alerts;
using ContinuityOfCare.Core.Directory;
using ContinuityOfCare.Core.Events;
using NodaTime;
using NodaTime.Text;

namespace ContinuityOfCare.Mail.Serialization;

/// <summary>
/// The JSON shape of an <see cref="AlertForm"/> used by the outbox row and read from <c>coc plan --json</c> alerts
/// (docs/email.md "Alert JSON"). Written in the full shape; read tolerantly: <c>to</c>/<c>from</c> as an object or as an
/// org code with <c>toEmail</c>/<c>toName</c>, <c>client</c> as an object or a bare <c>clientId</c>, enum names in any
/// case with or without <c>-</c>/<c>_</c>. Dates are ISO (<c>uuuu-MM-dd</c>), instants ISO-8601 UTC.
/// </summary>
public static class AlertFormJson
{
    /// <summary>Writes the full shape.</summary>
    public static string Serialize(AlertForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("id", form.Id);
            writer.WriteString("reference", form.Reference);
            writer.WriteString("event", form.Event.ToString());
            writer.WriteString("processPoint", form.ProcessPoint);
            if (form.From is null)
            {
                writer.WriteNull("from");
            }
            else
            {
                WriteParty(writer, "from", form.From);
            }

            WriteParty(writer, "to", form.To);
            writer.WriteStartObject("client");
            writer.WriteString("clientId", form.Client.ClientId);
            WriteOptional(writer, "name", form.Client.Name);
            WriteOptional(writer, "dateOfBirth", form.Client.DateOfBirth is { } dob ? LocalDatePattern.Iso.Format(dob) : null);
            WriteOptional(writer, "noms", form.Client.Noms);
            WriteOptional(writer, "pnc", form.Client.Pnc);
            writer.WriteEndObject();
            writer.WriteStartArray("boxes");
            foreach (var box in form.Boxes)
            {
                writer.WriteStringValue(box.ToString());
            }

            writer.WriteEndArray();
            writer.WriteString("sentence", form.Sentence);
            writer.WriteString("summary", form.Summary);
            if (form.Request is null)
            {
                writer.WriteNull("request");
            }
            else
            {
                writer.WriteStartObject("request");
                writer.WriteString("obligationId", form.Request.ObligationId);
                writer.WriteString("ruleId", form.Request.RuleId);
                writer.WriteString("mustDo", form.Request.MustDo);
                writer.WriteString("due", InstantPattern.ExtendedIso.Format(form.Request.Due));
                writer.WriteEndObject();
            }

            writer.WriteString("reason", form.Reason);
            writer.WriteString("createdAt", InstantPattern.ExtendedIso.Format(form.CreatedAt));
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Reads one alert object.</summary>
    /// <exception cref="JsonException">The JSON is not an alert in a shape described above (the message names the field).</exception>
    public static AlertForm Deserialize(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Read(document.RootElement);
    }

    /// <summary>Reads one alert object from an already-parsed element (e.g. one item of a plan's <c>alerts</c>).</summary>
    /// <exception cref="JsonException">A required field is missing or malformed.</exception>
    public static AlertForm Read(JsonElement alert)
    {
        if (alert.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("An alert must be a JSON object.");
        }

        var id = RequiredString(alert, "id");
        var eventKind = ParseEnum<EventKind>(RequiredString(alert, "event"), "event");
        var to = ReadParty(alert, "to") ?? throw new JsonException($"Alert {id}: 'to' is required.");
        var from = ReadParty(alert, "from");
        var client = ReadClient(alert, id);
        var boxes = alert.TryGetProperty("boxes", out var boxArray) && boxArray.ValueKind == JsonValueKind.Array
            ? boxArray.EnumerateArray().Select(box => ParseEnum<ChangeBox>(box.GetString() ?? "", "boxes")).ToArray()
            : [];
        AlertRequest? request = null;
        if (alert.TryGetProperty("request", out var requestObject) && requestObject.ValueKind == JsonValueKind.Object)
        {
            request = new AlertRequest(
                OptionalString(requestObject, "obligationId") ?? "",
                RequiredString(requestObject, "ruleId"),
                RequiredString(requestObject, "mustDo"),
                ParseInstant(RequiredString(requestObject, "due"), "request.due"));
        }

        return new AlertForm(
            id,
            OptionalString(alert, "reference") ?? id,
            eventKind,
            OptionalString(alert, "processPoint") ?? "",
            from,
            to,
            client,
            boxes,
            OptionalString(alert, "sentence") ?? "",
            OptionalString(alert, "summary") ?? eventKind.ToString(),
            request,
            OptionalString(alert, "reason") ?? "",
            OptionalString(alert, "createdAt") is { } created ? ParseInstant(created, "createdAt") : Instant.FromUnixTimeSeconds(0));
    }

    private static void WriteParty(Utf8JsonWriter writer, string name, AlertParty party)
    {
        writer.WriteStartObject(name);
        writer.WriteString("orgCode", party.OrgCode);
        writer.WriteString("orgName", party.OrgName);
        writer.WriteString("orgType", party.OrgType.ToString());
        WriteOptional(writer, "spocName", party.SpocName);
        writer.WriteString("email", party.Email);
        WriteOptional(writer, "phone", party.Phone);
        WriteOptional(writer, "phone24x7", party.Phone24x7);
        writer.WriteEndObject();
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }

    private static AlertParty? ReadParty(JsonElement alert, string name)
    {
        if (!alert.TryGetProperty(name, out var party) || party.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (party.ValueKind == JsonValueKind.String)
        {
            // The flat plan shape: "to": "<org code>", "toEmail": "…", optionally "toName", "toOrgType".
            var code = party.GetString() ?? "";
            return new AlertParty(
                code,
                OptionalString(alert, name + "Name") ?? code,
                OptionalString(alert, name + "OrgType") is { } type ? ParseEnum<OrgType>(type, name + "OrgType") : OrgType.RegionalTeam,
                null,
                RequiredString(alert, name + "Email"),
                null,
                null);
        }

        return new AlertParty(
            RequiredString(party, "orgCode"),
            OptionalString(party, "orgName") ?? RequiredString(party, "orgCode"),
            OptionalString(party, "orgType") is { } orgType ? ParseEnum<OrgType>(orgType, name + ".orgType") : OrgType.RegionalTeam,
            OptionalString(party, "spocName"),
            RequiredString(party, "email"),
            OptionalString(party, "phone"),
            OptionalString(party, "phone24x7"));
    }

    private static AlertClientDetails ReadClient(JsonElement alert, string id)
    {
        if (alert.TryGetProperty("client", out var client) && client.ValueKind == JsonValueKind.Object)
        {
            return new AlertClientDetails(
                RequiredString(client, "clientId"),
                OptionalString(client, "name"),
                OptionalString(client, "dateOfBirth") is { } dob ? ParseDate(dob, "client.dateOfBirth") : null,
                OptionalString(client, "noms"),
                OptionalString(client, "pnc"));
        }

        var clientId = OptionalString(alert, "clientId") ?? throw new JsonException($"Alert {id}: 'client' or 'clientId' is required.");
        return new AlertClientDetails(clientId, null, null, null, null);
    }

    private static string RequiredString(JsonElement element, string name) =>
        OptionalString(element, name) ?? throw new JsonException($"'{name}' is required.");

    private static string? OptionalString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static T ParseEnum<T>(string text, string field)
        where T : struct, Enum
    {
        var wanted = text.Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal);
        return Enum.TryParse<T>(wanted, ignoreCase: true, out var value) && Enum.IsDefined(value)
            ? value
            : throw new JsonException($"'{field}': '{text}' is not one of {string.Join(", ", Enum.GetNames<T>())}.");
    }

    private static Instant ParseInstant(string text, string field)
    {
        var result = InstantPattern.ExtendedIso.Parse(text);
        if (result.Success)
        {
            return result.Value;
        }

        var offset = OffsetDateTimePattern.ExtendedIso.Parse(text);
        return offset.Success
            ? offset.Value.ToInstant()
            : throw new JsonException($"'{field}' must be an ISO-8601 instant, e.g. 2026-12-14T09:00:00Z.");
    }

    private static LocalDate ParseDate(string text, string field)
    {
        var result = LocalDatePattern.Iso.Parse(text);
        return result.Success
            ? result.Value
            : throw new JsonException(string.Create(CultureInfo.InvariantCulture, $"'{field}' must be a date uuuu-MM-dd."));
    }
}
