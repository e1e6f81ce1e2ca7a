using System.Text.Json;
using ContinuityOfCare.Core.Alerts;
using ContinuityOfCare.Core.Directory;
using ContinuityOfCare.Core.Events;

namespace ContinuityOfCare.Core.Planning;

/// <summary>
/// Reads the <c>alerts[]</c> of plan JSON (docs/plan.md) back into <see cref="AlertForm"/> objects — for
/// <c>coc alert preview --plan-json FILE</c> and anything else that executes a previewed plan.
/// </summary>
public static class AlertFormJson
{
    /// <summary>Every alert of the plan JSON in <paramref name="planJson"/>, in plan order.</summary>
    /// <exception cref="JsonException">Not plan JSON, or an alert lacks a required field (the message names it).</exception>
    public static IReadOnlyList<AlertForm> ReadAlerts(Stream planJson) => [.. ReadPlannedAlerts(planJson).Select(a => a.Form)];

    /// <summary>Every alert with its status, in plan order.</summary>
    /// <exception cref="JsonException">Not plan JSON, or an alert lacks a required field (the message names it).</exception>
    public static IReadOnlyList<PlannedAlert> ReadPlannedAlerts(Stream planJson)
    {
        ArgumentNullException.ThrowIfNull(planJson);
        using var document = JsonDocument.Parse(planJson);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("alerts", out var alerts) || alerts.ValueKind != JsonValueKind.Array)
        {
            throw new JsonException("plan JSON must be an object with an \"alerts\" array");
        }

        if (root.TryGetProperty("schemaVersion", out var version) && version.TryGetInt32(out var number) && number > Plan.SchemaVersion)
        {
            throw new JsonException($"plan JSON schemaVersion {number} is newer than this reader ({Plan.SchemaVersion})");
        }

        var result = new List<PlannedAlert>();
        var index = 0;
        foreach (var alert in alerts.EnumerateArray())
        {
            result.Add(ReadAlert(alert, $"$.alerts[{index}]"));
            index++;
        }

        return result;
    }

    private static PlannedAlert ReadAlert(JsonElement a, string path)
    {
        var client = Required(a, "client", path);
        var clientPath = path + ".client";
        var dob = OptionalString(client, "dateOfBirth");
        var details = new AlertClientDetails(
            RequiredString(client, "clientId", clientPath),
            OptionalString(client, "name"),
            dob is null ? null : PlanJsonFormats.DatePattern.Parse(dob).GetValueOrThrow(),
            OptionalString(client, "noms"),
            OptionalString(client, "pnc"));
        var boxes = Required(a, "boxes", path).EnumerateArray()
            .Select(b => ParseEnum<ChangeBox>(b.GetString(), path + ".boxes"))
            .ToList();
        AlertRequest? request = null;
        if (a.TryGetProperty("request", out var r) && r.ValueKind == JsonValueKind.Object)
        {
            var requestPath = path + ".request";
            request = new AlertRequest(
                RequiredString(r, "obligationId", requestPath), RequiredString(r, "rule", requestPath),
                RequiredString(r, "mustDo", requestPath), PlanJsonFormats.ParseInstant(RequiredString(r, "dueUtc", requestPath)));
        }

        var from = a.TryGetProperty("from", out var f) && f.ValueKind == JsonValueKind.Object ? ReadParty(f, path + ".from") : null;
        var form = new AlertForm(
            RequiredString(a, "id", path),
            RequiredString(a, "reference", path),
            ParseEnum<EventKind>(RequiredString(a, "event", path), path + ".event"),
            RequiredString(a, "processPoint", path),
            from,
            ReadParty(Required(a, "to", path), path + ".to"),
            details,
            boxes,
            RequiredString(a, "sentence", path),
            RequiredString(a, "summary", path),
            request,
            RequiredString(a, "reason", path),
            PlanJsonFormats.ParseInstant(RequiredString(a, "createdAt", path)),
            a.TryGetProperty("inCustody", out var custody) && custody.ValueKind == JsonValueKind.True);
        var status = OptionalString(a, "status") == "held" ? AlertStatus.Held : AlertStatus.Ready;
        return new PlannedAlert(form, OptionalString(a, "eventId") ?? string.Empty, status, OptionalString(a, "heldReason"));
    }

    private static AlertParty ReadParty(JsonElement p, string path)
    {
        var typeText = RequiredString(p, "orgType", path);
        if (!OrgTypeCodes.TryParse(typeText, out var orgType))
        {
            throw new JsonException($"{path}.orgType is not an org type");
        }

        return new AlertParty(
            RequiredString(p, "orgCode", path), RequiredString(p, "orgName", path), orgType, OptionalString(p, "spocName"),
            RequiredString(p, "email", path), OptionalString(p, "phone"), OptionalString(p, "phone24x7"));
    }

    private static T ParseEnum<T>(string? text, string path)
        where T : struct, Enum =>
        text is not null && Enum.TryParse<T>(text, ignoreCase: false, out var value) && Enum.IsDefined(value)
            ? value
            : throw new JsonException($"{path} is not a known {typeof(T).Name}");

    private static JsonElement Required(JsonElement element, string name, string path) =>
        element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : throw new JsonException($"{path}.{name} is missing");

    private static string RequiredString(JsonElement element, string name, string path) =>
        Required(element, name, path).GetString() ?? throw new JsonException($"{path}.{name} is not a string");

    private static string? OptionalString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
