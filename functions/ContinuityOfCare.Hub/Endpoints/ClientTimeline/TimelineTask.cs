using ContinuityOfCare.Hub.State;
using NodaTime;

namespace ContinuityOfCare.Hub.Endpoints.ClientTimeline;

/// <summary>A task for a person in a client's timeline (e.g. consent not recorded for sharing with an organisation type).</summary>
/// <param name="Id">The task id.</param>
/// <param name="Kind">The task kind.</param>
/// <param name="Owner">The team that must act.</param>
/// <param name="Reason">Why (codes and rules, no particulars).</param>
/// <param name="EventId">The event concerned.</param>
/// <param name="Status">open or resolved.</param>
/// <param name="CreatedAt">When it was added.</param>
/// <param name="ResolvedAt">When it was resolved.</param>
/// <param name="ResolvedBy">Who resolved it.</param>
public sealed record TimelineTask(
    string Id,
    string Kind,
    string Owner,
    string Reason,
    string? EventId,
    HubTaskStatus Status,
    Instant CreatedAt,
    Instant? ResolvedAt,
    string? ResolvedBy)
{
    /// <summary>The view of <paramref name="task"/>.</summary>
    public static TimelineTask From(HubTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return new TimelineTask(task.Id, task.Kind, task.Owner, task.Reason, task.EventId, task.Status, task.CreatedAt, task.ResolvedAt, task.ResolvedBy);
    }
}
