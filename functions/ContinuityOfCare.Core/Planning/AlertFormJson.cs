using System.Text.Json;
using ContinuityOfCare.Core.Alerts;
using ContinuityOfCare.Core.Directory;
using ContinuityOfCare.Core.Events;
using ContinuityOfCare.Core.Planning.Json;

namespace ContinuityOfCare.Core.Planning;

/// <summary>
/// Reads the <c>alerts[]</c> of plan JSON (docs/plan.md) back into <see cref="AlertForm"/> objects — for
/// <c>coc alert preview --plan-json FILE</c>, the mail outbox, and anything else that executes a previewed plan.
/// Deserialized by the same source-generated contract that writes it; every required field is then checked here so
/// that a bad file is refused with the path of what is missing, never half-read.
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
        PlanAlertsDocument? plan;
        try
        {
            plan = JsonSerializer.Deserialize(planJson, PlanJsonContexts.Plan.PlanAlertsDocument);
        }
        catch (JsonException ex) when (ex.Path is "$")
        {
            throw new JsonException("plan JSON must be an object with an \"alerts\" array", ex);
        }

        if (plan?.Alerts is not { } alerts)
        {
            throw new JsonException("plan JSON must be an object with an \"alerts\" array");
        }

        if (plan.SchemaVersion is { } number && number > Plan.SchemaVersion)
        {
            throw new JsonException($"plan JSON schemaVersion {number} is newer than this reader ({Plan.SchemaVersion})");
        }

        return [.. alerts.Select((alert, index) => Read(alert, $"$.alerts[{index}]"))];
    }

    private static PlannedAlert Read(AlertDocument? a, string path)
    {
        a = Required(a, path);
        var client = Required<ClientDocument>(a.Client, path + ".client");
        var details = new AlertClientDetails(
            Required(client.ClientId, path + ".client.clientId"), client.Name, client.DateOfBirth, client.Noms, client.Pnc);
        var boxes = Required<IReadOnlyList<string>>(a.Boxes, path + ".boxes").Select(b => ParseEnum<ChangeBox>(b, path + ".boxes")).ToList();
        AlertRequest? request = null;
        if (a.Request is { } r)
        {
            var requestPath = path + ".request";
            request = new AlertRequest(
                Required(r.ObligationId, requestPath + ".obligationId"), Required(r.Rule, requestPath + ".rule"),
                Required(r.MustDo, requestPath + ".mustDo"), Required(r.DueUtc, requestPath + ".dueUtc"));
        }

        var form = new AlertForm(
            Required(a.Id, path + ".id"),
            Required(a.Reference, path + ".reference"),
            ParseEnum<EventKind>(Required(a.Event, path + ".event"), path + ".event"),
            Required(a.ProcessPoint, path + ".processPoint"),
            a.From is { } from ? Party(from, path + ".from") : null,
            Party(Required<PartyDocument>(a.To, path + ".to"), path + ".to"),
            details,
            boxes,
            Required(a.Sentence, path + ".sentence"),
            Required(a.Summary, path + ".summary"),
            request,
            Required(a.Reason, path + ".reason"),
            Required(a.CreatedAt, path + ".createdAt"),
            a.InCustody == true);
        var status = a.Status == "held" ? AlertStatus.Held : AlertStatus.Ready;
        return new PlannedAlert(form, a.EventId ?? string.Empty, status, a.HeldReason);
    }

    private static AlertParty Party(PartyDocument p, string path) =>
        OrgTypeCodes.TryParse(Required(p.OrgType, path + ".orgType"), out var orgType)
            ? new AlertParty(Required(p.OrgCode, path + ".orgCode"), Required(p.OrgName, path + ".orgName"), orgType, p.SpocName,
                Required(p.Email, path + ".email"), p.Phone, p.Phone24x7)
            : throw new JsonException($"{path}.orgType is not an org type");

    private static T ParseEnum<T>(string? text, string path)
        where T : struct, Enum =>
        text is not null && Enum.TryParse<T>(text, ignoreCase: false, out var value) && Enum.IsDefined(value)
            ? value
            : throw new JsonException($"{path} is not a known {typeof(T).Name}");

    /// <summary>
    /// <paramref name="value"/>, or a <see cref="JsonException"/> naming <paramref name="path"/>. The documents' members
    /// are declared as the writer fills them; a file being read may lack any of them, which this check catches.
    /// </summary>
    private static T Required<T>(T? value, string path)
        where T : class =>
        value ?? throw new JsonException($"{path} is missing");

    private static T Required<T>(T? value, string path)
        where T : struct =>
        value ?? throw new JsonException($"{path} is missing");
}
