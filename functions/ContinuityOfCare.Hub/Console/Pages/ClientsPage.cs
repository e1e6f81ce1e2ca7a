using System.Text;
using System.Text.Json;
using ContinuityOfCare.Hub.Api;
using ContinuityOfCare.Hub.Endpoints.ClientTimeline;
using static ContinuityOfCare.Hub.Console.Html;

namespace ContinuityOfCare.Hub.Console.Pages;

/// <summary>
/// A client's timeline, found by client id (the case system's opaque id, which is not personal data: docs/state.md
/// "Keys"): events, Alert Forms with delivery status, obligations and tasks, from <see cref="ClientTimelineEndpoint"/>.
/// A team member sees a client only when one of its teams has an obligation, task or Alert Form for the client;
/// otherwise 404, as for an unknown id.
/// </summary>
public sealed class ClientsPage(ClientTimelineEndpoint timeline) : IConsolePage
{
    /// <inheritdoc />
    public string Section => "clients";

    /// <inheritdoc />
    public bool OperatorOnly => false;

    /// <inheritdoc />
    public async Task<HttpResponseOutput> GetAsync(ConsoleContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Rest is [])
        {
            if (context.Request.Query("id") is { Length: <= ApiRequest.MaxIdLength } id)
            {
                return ConsoleResponses.Redirect(ConsolePaths.To("clients/" + Uri.EscapeDataString(id)));
            }

            return context.Page("Client timeline", Heading("Client timeline") + Search(null));
        }

        return context.Rest is [var clientId] && clientId.Length <= ApiRequest.MaxIdLength
            ? await TimelineAsync(context, clientId, cancellationToken).ConfigureAwait(false)
            : context.NotFound();
    }

    /// <inheritdoc />
    public Task<HttpResponseOutput> PostAsync(ConsoleContext context, CancellationToken cancellationToken) =>
        Task.FromResult(context?.NotFound() ?? throw new ArgumentNullException(nameof(context)));

    private static string Search(string? value) =>
        $"<form method=\"get\" action=\"{ConsolePaths.To("clients")}\" novalidate>"
        + Input("id", "Client id", value, hint: "The case system's client id, for example C-1001", width: 20) + Button("Show timeline", "secondary") + "</form>";

    private async Task<HttpResponseOutput> TimelineAsync(ConsoleContext context, string clientId, CancellationToken cancellationToken)
    {
        var answer = await timeline.InvokeAsync(ConsoleCalls.Input("GET", new() { ["id"] = clientId }), cancellationToken).ConfigureAwait(false);
        if (answer.StatusCode == 404)
        {
            return context.NotFound();
        }

        if (answer.StatusCode != 200)
        {
            return context.Page("Client timeline", Heading("Client timeline") + P(ConsoleCalls.Detail(answer)), answer.StatusCode);
        }

        using var document = JsonDocument.Parse(answer.Body!);
        var root = document.RootElement;
        static string S(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? v.ToString() : "—";
        var obligations = root.GetProperty("obligations").EnumerateArray().ToList();
        var tasks = root.GetProperty("tasks").EnumerateArray().ToList();
        var alerts = root.GetProperty("alerts").EnumerateArray().ToList();
        if (!context.User.IsOperator
            && !obligations.Any(o => context.User.Sees(S(o, "owner")))
            && !tasks.Any(t => context.User.Sees(S(t, "owner")))
            && !alerts.Any(a => context.User.Sees(S(a, "recipientOrgCode"))))
        {
            return context.NotFound();
        }

        var main = new StringBuilder(Heading("Client " + clientId, "Client timeline")).Append(Search(clientId));
        main.Append(Table("Events", ["Occurred (UTC)", "What", "Process point", "Source"],
            root.GetProperty("events").EnumerateArray().Select(e => (IReadOnlyList<string>)
                [E(S(e, "occurredAt")), E(S(e, "kind")), E(S(e, "processPoint")), E($"{S(e, "sourceFile")} line {S(e, "sourceLine")}")])));
        main.Append(Table("Alert Forms", ["Reference", "Recipient", "Status", "Delivery", "Last attempt (UTC)", "Relay reply"],
            alerts.Where(a => context.User.Sees(S(a, "recipientOrgCode"))).Select(a => (IReadOnlyList<string>)
                [E(S(a, "reference")), E(S(a, "recipientOrgCode")), Tag(S(a, "status"), S(a, "status") == "sent" ? "green" : "yellow"), E(S(a, "delivery")), E(S(a, "lastAttemptAt")), E(S(a, "smtpReply"))])));
        main.Append(Table("Obligations", ["Obligation", "Team", "Rule", "Due (London)", "Status"],
            obligations.Where(o => context.User.Sees(S(o, "owner"))).Select(o => (IReadOnlyList<string>)
                [Link(ConsolePaths.To("obligations/" + Uri.EscapeDataString(S(o, "id"))), S(o, "id")[..Math.Min(12, S(o, "id").Length)], "obligation"),
                 E(S(o, "owner")), E(S(o, "rule")), E(S(o, "dueLocal")), E(S(o, "status"))])));
        main.Append(Table("Tasks", ["Kind", "Team", "Why", "Status"],
            tasks.Where(t => context.User.Sees(S(t, "owner"))).Select(t => (IReadOnlyList<string>)
                [E(S(t, "kind")), E(S(t, "owner")), E(S(t, "reason")), E(S(t, "status"))])));
        return context.Page("Client timeline", main.ToString());
    }
}
