using System.Text;
using ContinuityOfCare.Hub.Api;
using ContinuityOfCare.Hub.State;
using NodaTime;
using static ContinuityOfCare.Hub.Console.Html;

namespace ContinuityOfCare.Hub.Console.Pages;

/// <summary>
/// Open tasks for people (CONSENT_MISSING, UNROUTABLE, INSECURE_RECIPIENT, bounces and operator work), filtered by kind
/// and team, in pages; each resolved with a note, audited (<c>task.resolved</c>, who, when, the note). A team member
/// sees its own teams' tasks; another team's task is 404.
/// </summary>
public sealed class TasksPage(TaskStore tasks, AuditStore audit, IClock clock, Microsoft.Extensions.Options.IOptions<ConsoleOptions> options) : IConsolePage
{
    /// <summary>The audit action of a resolution.</summary>
    public const string AuditAction = "task.resolved";

    /// <inheritdoc />
    public string Section => "tasks";

    /// <inheritdoc />
    public bool OperatorOnly => false;

    /// <inheritdoc />
    public async Task<HttpResponseOutput> GetAsync(ConsoleContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Rest is [] ? await ListAsync(context, null, cancellationToken).ConfigureAwait(false) : context.NotFound();
    }

    /// <inheritdoc />
    public async Task<HttpResponseOutput> PostAsync(ConsoleContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var id = context.Request.Field("taskId");
        var clientId = context.Request.Field("clientId");
        if (context.Rest is not ["resolve"] || id is null || id.Length > ApiRequest.MaxIdLength || clientId is { Length: > ApiRequest.MaxIdLength })
        {
            return context.NotFound();
        }

        var task = await tasks.GetAsync(clientId, id, cancellationToken).ConfigureAwait(false);
        if (task is null || !context.User.Sees(task.Owner))
        {
            return context.NotFound();
        }

        var note = context.Request.Field("note");
        if (note is null || note.Length > 500)
        {
            return await ListAsync(context, (id, "Enter a note of at most 500 characters saying how the task was resolved"), cancellationToken).ConfigureAwait(false);
        }

        var now = clock.GetCurrentInstant();
        var outcome = await tasks.ResolveAsync(clientId, id, context.User.Name, now, cancellationToken).ConfigureAwait(false);
        if (outcome == ChangeOutcome.Applied)
        {
            await audit.AppendAsync(new AuditEntry($"task:{id}", now, context.User.Name, AuditAction, "task", id, note), cancellationToken).ConfigureAwait(false);
        }

        return ConsoleResponses.Redirect(ConsolePaths.To("tasks?done=resolved"));
    }

    private async Task<HttpResponseOutput> ListAsync(ConsoleContext context, (string TaskId, string Message)? error, CancellationToken cancellationToken)
    {
        var kind = context.Request.Query("kind") is { } k && HubTaskKinds.All.Contains(k) ? k : null;
        var team = context.Request.Query("team") is { Length: <= 20 } t ? t : null;
        var after = ContinuationToken.From(context.Request);
        // The page number only labels a page reached by a token: without one this is the first page, whatever it says.
        var page = after is not null && int.TryParse(context.Request.Query("page"), out var p) && p is >= 1 and <= 100_000 ? p : 1;
        IReadOnlyList<string>? owners = context.User.IsOperator
            ? team is null ? null : [team]
            : team is not null && context.User.Sees(team) ? [team] : [.. context.User.Organisations.Order(StringComparer.Ordinal)];
        var read = await tasks.ListOpenPageAsync(owners, kind, after, options.Value.PageSize, cancellationToken).ConfigureAwait(false);
        var rows = read.Tasks;

        var main = new StringBuilder();
        if (error is { } e)
        {
            main.Append(ErrorSummary([("note-" + e.TaskId, e.Message)]));
        }
        else if (context.Request.Query("done") == "resolved")
        {
            main.Append(Success("Task resolved"));
        }

        main.Append(Heading("Tasks"))
            .Append("<form method=\"get\" action=\"").Append(ConsolePaths.To("tasks")).Append("\" novalidate><div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-one-third\">")
            .Append(Select("kind", "Kind", new[] { ("", "Any kind") }.Concat(HubTaskKinds.All.Select(k => (k, k))), kind))
            .Append("</div><div class=\"govuk-grid-column-one-third\">")
            .Append(Input("team", "Team (org code)", team, width: 10))
            .Append("</div></div>").Append(Button("Apply filters", "secondary")).Append("</form>");
        main.Append(P(rows.Count == 0 ? $"No open tasks on page {page}." : $"Open tasks, oldest first: page {page}."));
        foreach (var task in rows)
        {
            var fieldId = "note-" + task.Id;
            main.Append("<div class=\"govuk-summary-card\"><div class=\"govuk-summary-card__title-wrapper\"><h2 class=\"govuk-summary-card__title\">")
                .Append(E(task.Kind)).Append(" for ").Append(E(task.Owner)).Append("</h2></div><div class=\"govuk-summary-card__content\">")
                .Append(SummaryList(
                [
                    ("Why", E(task.Reason)),
                    ("Client", task.ClientId is null ? E("—") : Link(ConsolePaths.To("clients/" + Uri.EscapeDataString(task.ClientId)), task.ClientId, "timeline")),
                    ("Created", E(ConsoleFormat.When(task.CreatedAt))),
                ]))
                .Append(context.Form(ConsolePaths.To("tasks/resolve"),
                    $"<input type=\"hidden\" name=\"taskId\" value=\"{E(task.Id)}\">"
                    + (task.ClientId is null ? "" : $"<input type=\"hidden\" name=\"clientId\" value=\"{E(task.ClientId)}\">")
                    + $"<div class=\"govuk-form-group{(error?.TaskId == task.Id ? " govuk-form-group--error" : "")}\"><label class=\"govuk-label\" for=\"{E(fieldId)}\">How was it resolved?</label>"
                    + (error?.TaskId == task.Id ? $"<p id=\"{E(fieldId)}-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> {E(error.Value.Message)}</p>" : "")
                    + $"<input class=\"govuk-input\" id=\"{E(fieldId)}\" name=\"note\" type=\"text\"></div>"
                    + Button("Resolve task", "secondary")))
                .Append("</div></div>");
        }

        // Paged by continuation token (the last row's index key).
        var query = (kind is null ? "" : "kind=" + Uri.EscapeDataString(kind) + "&") + (team is null ? "" : "team=" + Uri.EscapeDataString(team) + "&");
        main.Append(TokenPagination(
            page,
            ConsolePaths.To($"tasks?{query}page=1"),
            read.Next is { } next ? ConsolePaths.To($"tasks?{query}page={page + 1}&after={Uri.EscapeDataString(next)}") : null));
        return context.Page("Tasks", main.ToString(), error is null ? 200 : 400);
    }
}
