using System.Globalization;
using System.Text;
using ContinuityOfCare.Core.Feeds;
using ContinuityOfCare.Core.Time;
using ContinuityOfCare.Hub.Api;
using ContinuityOfCare.Hub.Pipeline;
using ContinuityOfCare.Hub.State;
using ContinuityOfCare.Mail.Outbox;
using NodaTime;
using static ContinuityOfCare.Hub.Console.Html;

namespace ContinuityOfCare.Hub.Console.Pages;

/// <summary>
/// Today: obligations overdue and falling due later today by team, and open tasks by kind, from the stored Today counts
/// (<see cref="TodayCounter"/>: counted from the open indexes every five minutes; one row read here), filtered to the
/// teams the user sees and saying when they were counted; and for operators: poison messages, the feeds expected today
/// against those that arrived (the missing-feed alarm's own rule, <see cref="FeedWatch.TodayAsync"/>), today's Alert
/// Forms by outcome (sent from the outbox's day index, the rest from today's partition of the notice table: no table
/// scan) and today's notices.
/// </summary>
public sealed class TodayPage(TodayCounter counter, QueueProbe probe, NoticeStore notices, FeedWatch feeds, SentAlertIndex sentAlerts, IClock clock) : IConsolePage
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

        var today = LondonTime.ToLocal(clock.GetCurrentInstant()).Date;
        var counts = (await counter.ReadAsync(cancellationToken).ConfigureAwait(false)).For(context.User.Sees);
        var byTeam = counts.Obligations;

        var main = new StringBuilder(Heading("Today", LondonTime.FormatDay(today)));
        main.Append(P(string.Create(CultureInfo.InvariantCulture,
            $"Obligation and task figures counted at {LondonTime.ToLocal(counts.CountedAt).TimeOfDay.ToString("HH:mm", CultureInfo.InvariantCulture)}; recounted every {TodayCounter.RecountEvery.TotalMinutes:0} minutes, so a change made since shows at the next count. The lists they link to are live.")));
        main.Append("<div class=\"govuk-grid-row\">")
            .Append(Figure("Overdue", byTeam.Sum(t => t.Overdue), ConsolePaths.To("obligations?status=overdue")))
            .Append(Figure("Due later today", byTeam.Sum(t => t.DueLaterToday), ConsolePaths.To("obligations?status=open")))
            .Append(Figure("Open tasks", counts.Tasks.Sum(t => t.Open), ConsolePaths.To("tasks")));
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
            byTeam.Select(t => (IReadOnlyList<string>)[
                Link(ConsolePaths.To("obligations?team=" + Uri.EscapeDataString(t.Team)), t.Team),
                Link(ConsolePaths.To("obligations?team=" + Uri.EscapeDataString(t.Team) + "&status=overdue"), N(t.Overdue), " overdue for " + t.Team),
                Link(ConsolePaths.To("obligations?team=" + Uri.EscapeDataString(t.Team) + "&status=open"), N(t.DueLaterToday), " due later today for " + t.Team)]),
            new HashSet<int> { 1, 2 }));
        main.Append(Table("Open tasks by kind", ["Kind", "Open"],
            counts.Tasks.GroupBy(t => t.Kind, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => (IReadOnlyList<string>)[Link(ConsolePaths.To("tasks?kind=" + Uri.EscapeDataString(g.Key)), g.Key), E(N(g.Sum(t => t.Open)))]),
            new HashSet<int> { 1 }));
        if (context.User.IsOperator)
        {
            var raised = await notices.ListAsync(today, today, cancellationToken).ConfigureAwait(false);
            main.Append(FeedsSection(await feeds.TodayAsync(cancellationToken).ConfigureAwait(false)));
            main.Append(AlertFormsSection(await sentAlerts.CountAsync(today, cancellationToken).ConfigureAwait(false), raised));
            main.Append(Table("Operator notices today (missing feeds, calendar, mail)", ["Raised", "Kind", "Notice"],
                raised.OrderByDescending(n => n.RaisedAt).Select(n => (IReadOnlyList<string>)[E(ConsoleFormat.When(n.RaisedAt)), E(n.Kind), E(n.Message)])));
        }

        return context.Page("Today", main.ToString());
    }

    /// <inheritdoc />
    public Task<HttpResponseOutput> PostAsync(ConsoleContext context, CancellationToken cancellationToken) =>
        Task.FromResult(context?.NotFound() ?? throw new ArgumentNullException(nameof(context)));

    /// <summary>Today's court lists (by court) and each prison's export covering yesterday: arrived, missing or not yet due.</summary>
    private static string FeedsSection(FeedsToday today)
    {
        var html = new StringBuilder("<h2 class=\"govuk-heading-m\">Feeds expected today</h2>");
        var missing = today.Expected.Count(f => f.Missing);
        html.Append(P(missing == 0
            ? "No expected feed is missing."
            : string.Create(CultureInfo.InvariantCulture, $"{missing} expected feed{(missing == 1 ? "" : "s")} missing. The missing-feed alarm raises an operator notice for each when it runs (5 and 35 minutes past each hour)."),
            missing == 0 ? "" : "govuk-!-font-weight-bold"));

        var courtList = today.Expected.FirstOrDefault(f => f.Kind == FeedKind.CourtList);
        var courtLists = today.Received.Where(r => r.Kind == FeedKind.CourtList && r.Day == today.Today).ToList();
        html.Append(P(courtList is null
            ? "Court lists: none expected today (courts do not sit on weekends and bank holidays)."
            : $"Court lists: at least one expected by {CutOff(today.CutOffs.CourtListCutOff)} (a working day).{courtList.Caveat}"));
        var courtRows = courtLists
            .GroupBy(r => r.CourtCode ?? "", StringComparer.Ordinal)
            .OrderBy(g => g.Key.Length == 0).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (IReadOnlyList<string>)[E(g.Key.Length == 0 ? "Court not named (no court code given or in the file name)" : g.Key), E(N(g.Count())), Tag("Arrived", "green")])
            .ToList();
        if (courtList is not null && !courtList.Arrived)
        {
            courtRows.Add([E("Any court"), E("0"), FeedTag(courtList, today.CutOffs.CourtListCutOff)]);
        }

        html.Append(Table("Court lists received today, by court", ["Court", "Files", "Status"], courtRows, new HashSet<int> { 1 }));

        var exports = today.Expected.Where(f => f.Kind == FeedKind.DischargeExport).ToList();
        var coveredDay = today.Today.PlusDays(-1);
        html.Append(Table($"Discharge exports covering {LondonTime.FormatDay(coveredDay)}, by prison", ["Prison", "Status"],
            exports.Select(f => (IReadOnlyList<string>)[E(f.PrisonCode), FeedTag(f, today.CutOffs.DischargeExportCutOff)])));
        return html.ToString();
    }

    private static string FeedTag(ExpectedFeed feed, TimeOnly cutOff) =>
        feed.Arrived ? Tag("Arrived", "green")
        : feed.Missing ? Tag("Missing", "red")
        : Tag("Not yet in (due by " + CutOff(cutOff) + ")", "grey");

    private static string CutOff(TimeOnly cutOff) => cutOff.ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>
    /// Today's Alert Forms by outcome: sent (the outbox's day index) and, from today's notices, held (recipient outside
    /// the allow-list), failed (refused by the relay), bounced (reported after acceptance) and unconfirmed (no reply
    /// after the automatic repeats) — the same notice kinds the health endpoint counts.
    /// </summary>
    private static string AlertFormsSection(int sent, IReadOnlyList<HubNotice> raised)
    {
        int Count(OperatorNoticeKind kind) => raised.Count(n => n.Kind == kind.ToString());
        var rows = new (string Outcome, int Count, string Meaning)[]
        {
            ("Sent", sent, "accepted by the secure-mail relay"),
            ("Held", Count(OperatorNoticeKind.RecipientNotAllowed), "recipient outside the secure-mail allow-list: nothing sent"),
            ("Failed", Count(OperatorNoticeKind.PermanentFailure), "refused permanently by the relay; the directory entry is flagged"),
            ("Bounced", Count(OperatorNoticeKind.Bounced), "accepted, then reported undeliverable"),
            ("Unconfirmed", Count(OperatorNoticeKind.UnconfirmedSend), "no reply from the relay after the automatic repeats: check with the recipient"),
        };
        return Table("Alert Forms today", ["Outcome", "Alert Forms", "Meaning"],
            rows.Select(r => (IReadOnlyList<string>)[E(r.Outcome), E(N(r.Count)), E(r.Meaning)]), new HashSet<int> { 1 });
    }

    private static string Figure(string label, long value, string href) =>
        $"<div class=\"govuk-grid-column-one-quarter\"><div class=\"app-figure\"><p class=\"govuk-body govuk-!-margin-bottom-1\">{E(label)}</p>"
        + $"<p class=\"govuk-heading-xl govuk-!-margin-bottom-1\"><a class=\"govuk-link govuk-link--no-visited-state\" href=\"{E(href)}\">{E(N(value))}<span class=\"govuk-visually-hidden\"> {E(label.ToLowerInvariant())}</span></a></p></div></div>";
}
