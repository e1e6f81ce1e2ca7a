using System.Text;
using System.Text.Json;
using ContinuityOfCare.Core.Obligations;
using ContinuityOfCare.Hub.Api;
using ContinuityOfCare.Hub.Endpoints.ObligationFulfil;
using ContinuityOfCare.Hub.Endpoints.ObligationShow;
using ContinuityOfCare.Hub.State;
using NodaTime;
using static ContinuityOfCare.Hub.Console.Html;

namespace ContinuityOfCare.Hub.Console.Pages;

/// <summary>
/// Obligations: the list (team, rule and status filters; due order either way; pages) and an obligation's page with
/// its timeline and a "Mark as fulfilled" form that fulfils it exactly as the API does
/// (<see cref="ObligationFulfilEndpoint"/>: audited, <c>fulfilled</c> raised on its orchestration — the same event as
/// the acknowledgement link). A team member sees only its own teams' obligations; another team's is 404.
/// </summary>
public sealed class ObligationsPage(
    ObligationPager pager,
    ObligationStore obligations,
    ObligationShowEndpoint show,
    ObligationFulfilEndpoint fulfil,
    IClock clock) : IConsolePage
{
    /// <inheritdoc />
    public string Section => "obligations";

    /// <inheritdoc />
    public bool OperatorOnly => false;

    /// <inheritdoc />
    public async Task<HttpResponseOutput> GetAsync(ConsoleContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Rest switch
        {
            [] => await ListAsync(context, cancellationToken).ConfigureAwait(false),
            [var id] => await DetailAsync(context, id, cancellationToken).ConfigureAwait(false),
            _ => context.NotFound(),
        };
    }

    /// <inheritdoc />
    public async Task<HttpResponseOutput> PostAsync(ConsoleContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Rest is not [var id, "fulfil"] || await VisibleAsync(context, id, cancellationToken).ConfigureAwait(false) is null)
        {
            return context.NotFound();
        }

        var note = context.Request.Field("note");
        if (note is { Length: > 500 })
        {
            return await DetailAsync(context, id, cancellationToken, "The note must be 500 characters or fewer").ConfigureAwait(false);
        }

        var body = JsonSerializer.Serialize(new { by = context.User.Name, note });
        var answer = await fulfil.InvokeAsync(ConsoleCalls.Input("POST", new() { ["id"] = id }, body: body), cancellationToken).ConfigureAwait(false);
        if (answer.StatusCode != 200)
        {
            return await DetailAsync(context, id, cancellationToken, ConsoleCalls.Detail(answer)).ConfigureAwait(false);
        }

        return ConsoleResponses.Redirect(ConsolePaths.To($"obligations/{Uri.EscapeDataString(id)}?done=fulfilled"));
    }

    private async Task<StoredObligation?> VisibleAsync(ConsoleContext context, string id, CancellationToken cancellationToken) =>
        id.Length <= ApiRequest.MaxIdLength && await obligations.GetAsync(id, cancellationToken).ConfigureAwait(false) is { } stored
            && context.User.Sees(stored.Obligation.OwnerOrganisationId)
            ? stored
            : null;

    private async Task<HttpResponseOutput> ListAsync(ConsoleContext context, CancellationToken cancellationToken)
    {
        var filter = ObligationListFilter.From(context.Request);
        IReadOnlyList<string>? owners = context.User.IsOperator
            ? filter.Team is { } team ? [team] : null
            : filter.Team is { } mine && context.User.Sees(mine) ? [mine] : [.. context.User.Organisations.Order(StringComparer.Ordinal)];
        var page = await pager.ReadAsync(filter, owners, cancellationToken).ConfigureAwait(false);
        var now = clock.GetCurrentInstant();

        var main = new StringBuilder(Heading("Obligations"));
        main.Append("<form method=\"get\" action=\"").Append(ConsolePaths.To("obligations")).Append("\" class=\"app-filter\" novalidate>")
            .Append("<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-one-quarter\">")
            .Append(Input("team", "Team (org code)", filter.Team, hint: context.User.IsOperator ? "Blank for every team" : "Blank for all your teams", width: 10))
            .Append("</div><div class=\"govuk-grid-column-one-quarter\">")
            .Append(Select("rule", "Rule", new[] { ("", "Any rule") }.Concat(RuleIds.All.Select(r => (r, r))), filter.Rule))
            .Append("</div><div class=\"govuk-grid-column-one-quarter\">")
            .Append(Select("status", "Status", ObligationListFilter.Statuses.Select(s => (s.Value, s.Label)), filter.Status))
            .Append("</div><div class=\"govuk-grid-column-one-quarter\">")
            .Append(Select("sort", "Sort", [("due-asc", "Earliest due first"), ("due-desc", "Latest due first")], filter.Descending ? "due-desc" : "due-asc"))
            .Append("</div></div>").Append(Button("Apply filters", "secondary")).Append("</form>");
        if (page.NeedsTeam)
        {
            main.Append(Notice("Closed obligations are listed per team: enter a team's org code."));
        }
        else if (page.Truncated)
        {
            main.Append(Notice(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Only {ObligationPager.MaxExamined:N0} obligations were looked at for this page, most of them index entries that no longer matched (now repaired): reload the page to see the rest.")));
        }

        main.Append(Table(
            $"Page {filter.Page}" + (page.Rows.Count == 0 ? "" : $" ({page.Rows.Count} obligation{(page.Rows.Count == 1 ? "" : "s")})"),
            ["Obligation", "Team", "Rule", "Due (London)", "Time left", "Status", "Level"],
            page.Rows.Select(row => (IReadOnlyList<string>)
            [
                Link(ConsolePaths.To("obligations/" + Uri.EscapeDataString(row.Id)), row.Id[..Math.Min(12, row.Id.Length)], "obligation"),
                E(row.Obligation.OwnerOrganisationId),
                E(row.Obligation.RuleId),
                E(ConsoleFormat.When(row.Obligation.Due)),
                E(ConsoleFormat.TimeLeft(row.Obligation, now)),
                ConsoleFormat.StateTag(row.Obligation.State),
                E(ConsoleFormat.Level(row.Obligation.State).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ])));
        var list = ConsolePaths.To("obligations");
        var next = page.HasNext ? list + filter.QueryString(filter.Page + 1, page.Next) : null;
        main.Append(filter.ByToken
            ? TokenPagination(filter.Page, list + filter.QueryString(1), next)
            : Pagination(filter.Page <= 1 ? null : list + filter.QueryString(filter.Page - 1), next));

        return context.Page("Obligations", main.ToString());
    }

    private async Task<HttpResponseOutput> DetailAsync(ConsoleContext context, string id, CancellationToken cancellationToken, string? error = null)
    {
        var stored = await VisibleAsync(context, id, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return context.NotFound();
        }

        var answer = await show.InvokeAsync(ConsoleCalls.Input("GET", new() { ["id"] = id }), cancellationToken).ConfigureAwait(false);
        using var document = JsonDocument.Parse(answer.Body ?? "{}");
        var now = clock.GetCurrentInstant();
        var o = stored.Obligation;
        var main = new StringBuilder();
        if (error is not null)
        {
            main.Append(ErrorSummary([("note", error)]));
        }
        else if (context.Request.Query("done") == "fulfilled")
        {
            main.Append(Success("Obligation marked as fulfilled"));
        }

        main.Append(Heading("Obligation " + o.Id[..Math.Min(12, o.Id.Length)], o.RuleId))
            .Append(SummaryList(
            [
                ("What must be done", E(stored.MustDo)),
                ("Team", E(o.OwnerOrganisationId)),
                ("Client", Link(ConsolePaths.To("clients/" + Uri.EscapeDataString(stored.ClientId)), stored.ClientId, "timeline")),
                ("Started", E(ConsoleFormat.When(o.StartedAt))),
                ("Due (London)", E(ConsoleFormat.When(o.Due))),
                ("Time left", E(ConsoleFormat.TimeLeft(o, now))),
                ("Status", ConsoleFormat.StateTag(o.State)),
                ("Escalations", E(Escalations(document.RootElement))),
                ("Closed by", E(stored.ClosedBy ?? "—")),
            ]));

        main.Append("<h2 class=\"govuk-heading-m\">Timeline</h2>");
        var history = document.RootElement.TryGetProperty("orchestration", out var orchestration) && orchestration.ValueKind == JsonValueKind.Object
            ? orchestration.GetProperty("history").EnumerateArray().Select(h => (IReadOnlyList<string>)
                [E(h.GetProperty("at").GetString()), E(h.GetProperty("kind").GetString()), E(h.TryGetProperty("detail", out var d) ? d.ToString() : "")]).ToList()
            : [];
        main.Append(Table("Orchestration history", ["At (UTC)", "What", "Detail"], history));

        if (!o.IsClosed)
        {
            main.Append("<h2 class=\"govuk-heading-m\">Mark as fulfilled</h2>")
                .Append(P("Records the obligation as done now, on time or late from its due instant, exactly as the acknowledgement link in the Alert Form does. It stops the escalations."))
                .Append(context.Form(ConsolePaths.To($"obligations/{Uri.EscapeDataString(o.Id)}/fulfil"),
                    Textarea("note", "Note (optional)", "What was done. No names, dates of birth or identifiers.", error)
                    + Button("Mark as fulfilled")));
        }

        return context.Page("Obligation", main.ToString());
    }

    /// <summary>Each recorded level with its email as the outbox holds it (the show endpoint's <c>escalations</c>).</summary>
    private static string Escalations(JsonElement detail)
    {
        var levels = detail.TryGetProperty("escalations", out var escalations) && escalations.ValueKind == JsonValueKind.Array
            ? escalations.EnumerateArray().Select(e => $"level {e.GetProperty("level").GetInt32()}: {EmailStatus(e.GetProperty("email").GetString())}").ToList()
            : [];
        return levels.Count == 0 ? "none" : string.Join("; ", levels);
    }

    private static string EmailStatus(string? status) => status switch
    {
        "Sent" => "email sent",
        "Pending" => "email waiting in the outbox for the relay",
        "Sending" => "email being sent",
        "Unconfirmed" => "email unconfirmed, waiting for the operator",
        "Failed" => "email refused by the relay (operator notice raised)",
        EscalationEmailView.NoRecipient => "no recipient, no email (operator notice raised)",
        _ => "email status unknown",
    };
}
