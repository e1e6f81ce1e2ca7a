using ContinuityOfCare.Core.Obligations;

namespace ContinuityOfCare.Hub.Console;

/// <summary>The Obligations page's filters, sort and page, as read from its query string (codes only, no personal data).</summary>
/// <param name="Team">An owner org code, or null for every team the user sees.</param>
/// <param name="Rule">A rule id, or null.</param>
/// <param name="Status">One of <see cref="Statuses"/>.</param>
/// <param name="Descending">Latest due first.</param>
/// <param name="Page">1-based.</param>
public sealed record ObligationListFilter(string? Team, string? Rule, string Status, bool Descending, int Page)
{
    /// <summary>The status filter's values: label and the states each stands for.</summary>
    public static IReadOnlyList<(string Value, string Label, IReadOnlySet<ObligationState> States)> Statuses { get; } =
    [
        ("active", "Not yet fulfilled (open, overdue, escalated)", new HashSet<ObligationState> { ObligationState.Open, ObligationState.Overdue, ObligationState.EscalatedLevel1, ObligationState.EscalatedLevel2, ObligationState.EscalatedLevel3 }),
        ("open", "Open (not yet due)", new HashSet<ObligationState> { ObligationState.Open }),
        ("overdue", "Overdue", new HashSet<ObligationState> { ObligationState.Overdue }),
        ("escalated1", "Escalated level 1", new HashSet<ObligationState> { ObligationState.EscalatedLevel1 }),
        ("escalated2", "Escalated level 2", new HashSet<ObligationState> { ObligationState.EscalatedLevel2 }),
        ("escalated3", "Escalated level 3", new HashSet<ObligationState> { ObligationState.EscalatedLevel3 }),
        ("fulfilled", "Fulfilled", new HashSet<ObligationState> { ObligationState.FulfilledOnTime, ObligationState.FulfilledLate }),
        ("closed", "Closed (fulfilled or cancelled)", new HashSet<ObligationState> { ObligationState.FulfilledOnTime, ObligationState.FulfilledLate, ObligationState.Cancelled }),
    ];

    /// <summary>The states <see cref="Status"/> stands for.</summary>
    public IReadOnlySet<ObligationState> States => Statuses.First(s => s.Value == Status).States;

    /// <summary>
    /// True when the due index can serve the filter for every team: no closed state is wanted, and some wanted state
    /// is still indexed (below the last level). Obligations at level 3 have left it: every team's list omits them.
    /// </summary>
    public bool InDueIndex => States.All(s => s is not (ObligationState.FulfilledOnTime or ObligationState.FulfilledLate or ObligationState.Cancelled))
        && States.Any(s => s is ObligationState.Open or ObligationState.Overdue or ObligationState.EscalatedLevel1 or ObligationState.EscalatedLevel2);

    /// <summary>True when the every-team list (the due index) leaves out some wanted state: level 3.</summary>
    public bool OmitsLastLevel => States.Contains(ObligationState.EscalatedLevel3);

    /// <summary>Reads the filter from the request; unknown values fall back to the defaults.</summary>
    public static ObligationListFilter From(ConsoleRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var status = request.Query("status") is { } s && Statuses.Any(x => x.Value == s) ? s : "active";
        var rule = request.Query("rule") is { } r && RuleIds.IsKnown(r) ? r : null;
        var page = int.TryParse(request.Query("page"), out var p) && p is >= 1 and <= 100_000 ? p : 1;
        var team = request.Query("team") is { Length: <= 20 } t ? t : null;
        return new ObligationListFilter(team, rule, status, request.Query("sort") == "due-desc", page);
    }

    /// <summary>The query string of this filter at <paramref name="page"/>.</summary>
    public string QueryString(int page) =>
        "?" + string.Join('&', new[]
        {
            Team is null ? null : "team=" + Uri.EscapeDataString(Team),
            Rule is null ? null : "rule=" + Uri.EscapeDataString(Rule),
            "status=" + Status,
            Descending ? "sort=due-desc" : null,
            "page=" + page.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }.Where(p => p is not null));
}
