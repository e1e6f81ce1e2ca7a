using ContinuityOfCare.Hub.Pipeline.Messages;
using ContinuityOfCare.Hub.Storage;
using Microsoft.Extensions.Options;
using NodaTime;

namespace ContinuityOfCare.Hub.Pipeline;

/// <summary>
/// Schedules deadline checks (architecture.md "What is and is not obtainable": no Durable Functions, so a deadline is
/// a queue message with a visibility delay of at most 7 days; a longer deadline is re-scheduled when the message
/// arrives early). The escalation sweep is the safety net if a message is lost.
/// </summary>
public class DeadlineScheduler(HubStorage storage, IOptions<PipelineOptions> options)
{
    private int _created;

    /// <summary>Sends a check for <paramref name="obligationId"/> to arrive at <paramref name="checkAt"/>, or after the longest delay allowed.</summary>
    public virtual async Task ScheduleAsync(string obligationId, Instant checkAt, Instant now, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(obligationId);
        var queue = storage.Queue(PipelineQueues.Deadline);
        if (Volatile.Read(ref _created) == 0)
        {
            await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref _created, 1);
        }

        await queue.SendMessageAsync(PipelineJson.Serialize(new DeadlineMessage(obligationId)), DelayUntil(checkAt, now, options.Value.MaxDeadlineDelay),
            cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The visibility delay for a check at <paramref name="checkAt"/>: zero when already due, else the time left rounded
    /// up to a whole second (the queue's unit, so a check never arrives before its instant), at most <paramref name="maximum"/>.
    /// </summary>
    public static TimeSpan DelayUntil(Instant checkAt, Instant now, TimeSpan maximum)
    {
        var left = (checkAt - now).ToTimeSpan();
        if (left <= TimeSpan.Zero)
        {
            return TimeSpan.Zero;
        }

        var seconds = TimeSpan.FromSeconds(Math.Ceiling(left.TotalSeconds));
        var cap = maximum <= PipelineOptions.MaximumQueueDelay ? maximum : PipelineOptions.MaximumQueueDelay;
        return seconds < cap ? seconds : cap;
    }
}
