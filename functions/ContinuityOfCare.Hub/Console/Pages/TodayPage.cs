using System.Text;
using ContinuityOfCare.Core.Obligations;
using ContinuityOfCare.Core.Time;
using ContinuityOfCare.Hub.Api;
using ContinuityOfCare.Hub.State;
using NodaTime;
using static ContinuityOfCare.Hub.Console.Html;

namespace ContinuityOfCare.Hub.Console.Pages;

/// <summary>
/// Today: obligations falling due today and overdue, by team (read from the open-by-due index, then each row's
/// state); open tasks by kind; poison messages (operators); today's operator notices, which name every missing feed.
/// </summary>
public sealed class TodayPage(ObligationStore obligations, TaskStore tasks, QueueProbe probe, NoticeStore notices, IClock clock) : IConsolePage
{
    /// <inheritdoc />
    public string Section => "today";

    /// <inheritdoc />
    public bool OperatorOnly => false;

    /// <inheritdoc />
    public async Task<HttpResponseOutput> GetAsync(ConsoleContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Rest is not [])
        {
            return context.NotFound();
        }

        var now = clock.GetCurrentInstant();
        var today = LondonTime.ToLocal(now).Date;
        var endOfToday = LondonTime.ToInstant(today.PlusDays(1).AtMidnight());
        var due = await obligations.QueryAsync(new ObligationQuery(
            States: new HashSet<ObligationState> { ObligationState.Open, ObligationState.Overdue, ObligationState.EscalatedLevel1, ObligationState.EscalatedLevel2 },
            DueBefore: endOfToday), cancellationToken).ConfigureAwait(false);
        var byTeam = due.Where(o => context.User.Sees(o.Obligation.OwnerOrganisationId))
            .GroupBy(o => o.Obligation.OwnerOrganisationId, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (Team: g.Key, Overdue: g.Count(o => o.Obligation.Due <= now), DueToday: g.Count(o => o.Obligation.Due > now))).ToList();

        var main = new StringBuilder(Heading("Today", LondonTime.FormatDay(today)));
        main.Append("<div class=\"govuk-grid-row\">")
            .Append(Figure("Overdue", byTeam.Sum(t => t.Overdue), ConsolePaths.To("obligations?status=overdue")))
            .Append(Figure("Due later today", byTeam.Sum(t => t.DueToday), ConsolePaths.To("obligations?status=open")));
        var open = (await tasks.ListOpenAsync(null, cancellationToken).ConfigureAwait(false)).Where(t => context.User.Sees(t.Owner)).ToList();
        main.Append(Figure("Open tasks", open.Count, ConsolePaths.To("tasks")));
        if (context.User.IsOperator)
        {
            long poison = 0;
            foreach (var queue in HubQueue.All)
            {
                poison += (await probe.ProbeAsync(queue, cancellationToken).ConfigureAwait(false)).PoisonDepth;
            }

            main.Append(Figure("Poison messages", poison, ConsolePaths.To("operations")));
        }

        main.Append("</div>");
        main.Append(Table("Obligations due today or overdue, by team", ["Team", "Overdue", "Due later today"],
            byTeam.Select(t => (IReadOnlyList<string>)[Link(ConsolePaths.To("obligations?team=" + Uri.EscapeDataString(t.Team)), t.Team), E(N(t.Overdue)), E(N(t.DueToday))]),
            new HashSet<int> { 1, 2 }));
        main.Append(Table("Open tasks by kind", ["Kind", "Open"],
            open.GroupBy(t => t.Kind, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => (IReadOnlyList<string>)[Link(ConsolePaths.To("tasks?kind=" + Uri.EscapeDataString(g.Key)), g.Key), E(N(g.Count()))]),
            new HashSet<int> { 1 }));
        if (context.User.IsOperator)
        {
            var raised = await notices.ListAsync(today, today, cancellationToken).ConfigureAwait(false);
            main.Append(Table("Operator notices today (missing feeds, calendar, mail)", ["Raised", "Kind", "Notice"],
                raised.OrderByDescending(n => n.RaisedAt).Select(n => (IReadOnlyList<string>)[E(ConsoleFormat.When(n.RaisedAt)), E(n.Kind), E(n.Message)])));
        }

        return context.Page("Today", main.ToString());
    }

    /// <inheritdoc />
    public Task<HttpResponseOutput> PostAsync(ConsoleContext context, CancellationToken cancellationToken) =>
        Task.FromResult(context?.NotFound() ?? throw new ArgumentNullException(nameof(context)));

    private static string Figure(string label, long value, string href) =>
        $"<div class=\"govuk-grid-column-one-quarter\"><div class=\"app-figure\"><p class=\"govuk-body govuk-!-margin-bottom-1\">{E(label)}</p>"
        + $"<p class=\"govuk-heading-xl govuk-!-margin-bottom-1\"><a class=\"govuk-link govuk-link--no-visited-state\" href=\"{E(href)}\">{E(N(value))}<span class=\"govuk-visually-hidden\"> {E(label.ToLowerInvariant())}</span></a></p></div></div>";
}
