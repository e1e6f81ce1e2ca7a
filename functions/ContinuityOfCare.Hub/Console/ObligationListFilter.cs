using Azure.Data.Tables;
using ContinuityOfCare.Core.Obligations;

namespace ContinuityOfCare.Hub.Console;

/// <summary>The Obligations page's filters, sort and page, as read from its query string (codes only, no personal data).</summary>
/// <param name="Team">An owner org code, or null for every team the user sees.</param>
/// <param name="Rule">A rule id, or null.</param>
/// <param name="Status">One of <see cref="Statuses"/>.</param>
/// <param name="Descending">Latest due first.</param>
/// <param name="Page">1-based (shown; and how a list read by page number finds its page).</param>
/// <param name="After">
/// The continuation token of an open-index list: the index key (due ticks and obligation id, no personal data) of the
/// previous page's last row; null on the first page.
/// </param>
public sealed record ObligationListFilter(string? Team, string? Rule, string Status, bool Descending, int Page, string? After = null)
{
    /// <summary>The states of a not-yet-closed obligation: those the open index holds.</summary>
    public static IReadOnlySet<ObligationState> NotClosed { get; } = new HashSet<ObligationState>
    {
        ObligationState.Open, ObligationState.Overdue, ObligationState.EscalatedLevel1, ObligationState.EscalatedLevel2, ObligationState.EscalatedLevel3,
    };

    /// <summary>
    /// The overdue status's rule: past due (due strictly before <paramref name="now"/>, as the list's key range ends at
    /// now) and not fulfilled at any level — open, overdue or escalated to any level.
    /// </summary>
    public static bool IsOverdue(ObligationState state, NodaTime.Instant due, NodaTime.Instant now) => NotClosed.Contains(state) && due < now;

    /// <summary>The states of a closed obligation: those the closed index holds.</summary>
    public static IReadOnlySet<ObligationState> Closed { get; } = new HashSet<ObligationState>
    {
        ObligationState.FulfilledOnTime, ObligationState.FulfilledLate, ObligationState.Cancelled,
    };

    /// <summary>The status filter's values: label and the states each stands for.</summary>
    public static IReadOnlyList<(string Value, string Label, IReadOnlySet<ObligationState> States)> Statuses { get; } =
    [
        ("active", "Not yet fulfilled (open, overdue, escalated)", new HashSet<ObligationState> { ObligationState.Open, ObligationState.Overdue, ObligationState.EscalatedLevel1, ObligationState.EscalatedLevel2, ObligationState.EscalatedLevel3 }),
        ("open", "Open (not yet due)", new HashSet<ObligationState> { ObligationState.Open }),
        ("overdue", "Overdue (past due, not yet fulfilled)", new HashSet<ObligationState> { ObligationState.Open, ObligationState.Overdue, ObligationState.EscalatedLevel1, ObligationState.EscalatedLevel2, ObligationState.EscalatedLevel3 }),
        ("escalated1", "Escalated level 1", new HashSet<ObligationState> { ObligationState.EscalatedLevel1 }),
        ("escalated2", "Escalated level 2", new HashSet<ObligationState> { ObligationState.EscalatedLevel2 }),
        ("escalated3", "Escalated level 3", new HashSet<ObligationState> { ObligationState.EscalatedLevel3 }),
        ("fulfilled", "Fulfilled", new HashSet<ObligationState> { ObligationState.FulfilledOnTime, ObligationState.FulfilledLate }),
        ("closed", "Closed (fulfilled or cancelled)", new HashSet<ObligationState> { ObligationState.FulfilledOnTime, ObligationState.FulfilledLate, ObligationState.Cancelled }),
    ];

    /// <summary>The states <see cref="Status"/> stands for.</summary>
    public IReadOnlySet<ObligationState> States => Statuses.First(s => s.Value == Status).States;

    /// <summary>
    /// Only obligations already past due, so a list in due order stops at now: the overdue status (its states are those
    /// of every not-yet-closed obligation, bounded by now) and any status whose states all lie past due (overdue,
    /// escalated).
    /// </summary>
    public bool PastDueOnly => Status == "overdue" || States.All(s => s is ObligationState.Overdue or ObligationState.EscalatedLevel1
        or ObligationState.EscalatedLevel2 or ObligationState.EscalatedLevel3);

    /// <summary>True when the open index serves the filter: no closed state is wanted.</summary>
    public bool InOpenIndex => States.All(NotClosed.Contains);

    /// <summary>True when the closed index serves the filter: only closed states are wanted.</summary>
    public bool InClosedIndex => States.All(Closed.Contains);

    /// <summary>
    /// Paged by continuation token (<see cref="After"/>), not by number: lists of the open index in due order (either
    /// way) and of the closed index earliest due first.
    /// </summary>
    public bool ByToken => InOpenIndex || (InClosedIndex && !Descending);

    /// <summary>Reads the filter from the request; unknown values fall back to the defaults.</summary>
    public static ObligationListFilter From(ConsoleRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var status = request.Query("status") is { } s && Statuses.Any(x => x.Value == s) ? s : "active";
        var rule = request.Query("rule") is { } r && RuleIds.IsKnown(r) ? r : null;
        var page = int.TryParse(request.Query("page"), out var p) && p is >= 1 and <= 100_000 ? p : 1;
        var team = request.Query("team") is { Length: <= 20 } t ? t : null;
        var filter = new ObligationListFilter(team, rule, status, request.Query("sort") == "due-desc", page, ContinuationToken.From(request));
        // A token list's page number only labels the page its token reaches: without a token it is page 1.
        return filter.ByToken && filter.After is null ? filter with { Page = 1 } : filter;
    }

    /// <summary>True when <paramref name="obligation"/> (as stored now) belongs in this list: a wanted state and rule.</summary>
    public bool Matches(Obligation obligation)
    {
        ArgumentNullException.ThrowIfNull(obligation);
        return States.Contains(obligation.State) && (Rule is null || obligation.RuleId == Rule);
    }

    /// <summary>
    /// The service-side filter on the copies of state and rule that the open and closed indexes keep on each row (null:
    /// none needed — every state the index holds is wanted and no rule is chosen).
    /// </summary>
    public string? IndexRowFilter()
    {
        var clauses = new List<string>();
        if (!(InOpenIndex ? NotClosed : Closed).All(States.Contains))
        {
            clauses.Add("(" + string.Join(" or ", States.Order().Select(state => TableClient.CreateQueryFilter($"State eq {state.ToString()}"))) + ")");
        }

        if (Rule is { } rule)
        {
            clauses.Add(TableClient.CreateQueryFilter($"RuleId eq {rule}"));
        }

        return clauses.Count == 0 ? null : string.Join(" and ", clauses);
    }

    /// <summary>The query string of this filter at <paramref name="page"/>, continuing after <paramref name="after"/> when given.</summary>
    public string QueryString(int page, string? after = null) =>
        "?" + string.Join('&', new[]
        {
            Team is null ? null : "team=" + Uri.EscapeDataString(Team),
            Rule is null ? null : "rule=" + Uri.EscapeDataString(Rule),
            "status=" + Status,
            Descending ? "sort=due-desc" : null,
            "page=" + page.ToString(System.Globalization.CultureInfo.InvariantCulture),
            after is null ? null : "after=" + Uri.EscapeDataString(after),
        }.Where(p => p is not null));
}
