using ContinuityOfCare.Core.Obligations;
using ContinuityOfCare.Hub.Console;
using Xunit;

namespace ContinuityOfCare.Console.Tests;

/// <summary>
/// The Obligations list's status filter: the pager reads the open index for a status of not-yet-closed states and the
/// closed index for a status of closed states, so no status may mix them, and every state is listed by some status.
/// </summary>
public sealed class ObligationListFilterTests
{
    public static TheoryData<string> StatusValues => [.. ObligationListFilter.Statuses.Select(s => s.Value)];

    [Theory]
    [MemberData(nameof(StatusValues))]
    public void Each_status_is_served_by_exactly_one_index(string status)
    {
        var filter = new ObligationListFilter(null, null, status, Descending: false, Page: 1);

        Assert.True(filter.InOpenIndex ^ filter.InClosedIndex, $"status {status}: open index {filter.InOpenIndex}, closed index {filter.InClosedIndex}");
    }

    [Fact]
    public void Open_and_closed_states_are_every_state_once()
    {
        Assert.Empty(ObligationListFilter.NotClosed.Intersect(ObligationListFilter.Closed));
        Assert.Equal(Enum.GetValues<ObligationState>().Order(), ObligationListFilter.NotClosed.Union(ObligationListFilter.Closed).Order());
    }

    [Theory]
    [InlineData("active", false, true)]
    [InlineData("active", true, true)]
    [InlineData("overdue", true, true)]
    [InlineData("fulfilled", false, true)]
    [InlineData("fulfilled", true, false)]
    [InlineData("closed", true, false)]
    public void Paged_by_token_except_closed_lists_latest_first(string status, bool descending, bool byToken) =>
        Assert.Equal(byToken, new ObligationListFilter(null, null, status, descending, 1).ByToken);

    [Theory]
    [InlineData("active", null, null)]
    [InlineData("overdue", null, null)]
    [InlineData("closed", null, null)]
    [InlineData("open", null, "(State eq 'Open')")]
    [InlineData("escalated3", null, "(State eq 'EscalatedLevel3')")]
    [InlineData("fulfilled", null, "(State eq 'FulfilledOnTime' or State eq 'FulfilledLate')")]
    [InlineData("active", "smt.clinical-assessment", "RuleId eq 'smt.clinical-assessment'")]
    [InlineData("fulfilled", "smt.clinical-assessment", "(State eq 'FulfilledOnTime' or State eq 'FulfilledLate') and RuleId eq 'smt.clinical-assessment'")]
    public void The_index_row_filter_asks_the_service_only_for_what_the_index_holds_beyond_the_status(string status, string? rule, string? expected) =>
        Assert.Equal(expected, new ObligationListFilter(null, rule, status, Descending: false, Page: 1).IndexRowFilter());

    [Theory]
    [InlineData("active", null, ObligationState.EscalatedLevel2, "r1", true)]
    [InlineData("open", null, ObligationState.Overdue, "r1", false)]
    [InlineData("fulfilled", null, ObligationState.Cancelled, "r1", false)]
    [InlineData("closed", "r1", ObligationState.Cancelled, "r1", true)]
    [InlineData("closed", "r2", ObligationState.Cancelled, "r1", false)]
    public void An_obligation_matches_by_its_state_and_rule(string status, string? rule, ObligationState state, string obligationRule, bool matches)
    {
        var obligation = new Obligation("ob-1", obligationRule, "TEAMA", NodaTime.Instant.FromUtc(2026, 12, 1, 9, 0), NodaTime.Instant.FromUtc(2026, 12, 2, 9, 0), false, ObligationPriority.Standard, state);
        Assert.Equal(matches, new ObligationListFilter(null, rule, status, Descending: false, Page: 1).Matches(obligation));
    }
}
