namespace ContinuityOfCare.Hub.State;

/// <summary>One page of open tasks, oldest first.</summary>
/// <param name="Tasks">The page's tasks.</param>
/// <param name="Next">The continuation token of the next page (an index key: creation ticks and task id), or null on the last page.</param>
public sealed record OpenTaskPage(IReadOnlyList<HubTask> Tasks, string? Next);
