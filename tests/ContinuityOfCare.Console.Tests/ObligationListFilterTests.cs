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
}
