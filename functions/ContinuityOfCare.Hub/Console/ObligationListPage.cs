using ContinuityOfCare.Hub.State;

namespace ContinuityOfCare.Hub.Console;

/// <summary>One page of obligations.</summary>
/// <param name="Rows">The page's obligations in the requested order.</param>
/// <param name="HasNext">More match after this page.</param>
/// <param name="NeedsTeam">The filter asks for closed obligations of every team: that needs a team (the closed index is kept per owner).</param>
/// <param name="Truncated">A list paged by number stopped after <see cref="ObligationPager.MaxExamined"/> obligations were looked at with the page not full (index rows that no longer matched, repaired as met): reloading shows the rest.</param>
/// <param name="Next">The continuation token of the next page (an index key), or null when the next page is found by its number.</param>
public sealed record ObligationListPage(IReadOnlyList<StoredObligation> Rows, bool HasNext, bool NeedsTeam, bool Truncated = false, string? Next = null);
