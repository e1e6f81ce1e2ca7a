using NodaTime;

namespace ContinuityOfCare.Hub.Console;

/// <summary>
/// The Today page's figures for every team, counted at one instant from the open indexes (<see cref="TodayCounter"/>):
/// the page shows the teams its user sees and says when they were counted.
/// </summary>
/// <param name="CountedAt">When the count started (the injected clock).</param>
/// <param name="Day">The London day "today" meant for the count.</param>
/// <param name="Obligations">Teams with an obligation overdue or due later that day, by team code.</param>
/// <param name="Tasks">Open tasks by team and kind.</param>
public sealed record TodayCounts(Instant CountedAt, LocalDate Day, IReadOnlyList<TeamDueCount> Obligations, IReadOnlyList<TeamTaskCount> Tasks)
{
    /// <summary>The figures of the teams <paramref name="sees"/> accepts.</summary>
    public TodayCounts For(Func<string, bool> sees)
    {
        ArgumentNullException.ThrowIfNull(sees);
        return this with
        {
            Obligations = [.. Obligations.Where(t => sees(t.Team))],
            Tasks = [.. Tasks.Where(t => sees(t.Team))],
        };
    }
}
