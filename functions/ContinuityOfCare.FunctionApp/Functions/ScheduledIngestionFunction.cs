using ContinuityOfCare.Hub.Pipeline;
using ContinuityOfCare.Hub.Pipeline.Messages;
using Microsoft.Azure.Functions.Worker;

namespace ContinuityOfCare.FunctionApp.Functions;

/// <summary>
/// The daily safety net behind the blob triggers. Its own class (not with the other timers in
/// <see cref="ScheduledFunctions"/>) because it is the one timer whose firing depends on London time, and its tests build
/// it with exactly the clock and the inbox sweep it uses.
/// </summary>
public sealed class ScheduledIngestionFunction(NodaTime.IClock clock, InboxSweep inboxes)
{
    /// <summary>
    /// 07:00 Europe/London daily: every file waiting in an inbox is queued for ingestion (a safety net behind the blob
    /// triggers). Fires at 06:00 and 07:00 of the timer's zone — 07:00 London is 06:00 UTC in summer and 07:00 UTC in
    /// winter — and acts only when it is 07:00 in London.
    /// </summary>
    [Function("ScheduledIngestion")]
    [QueueOutput(PipelineQueues.Ingest)]
    public async Task<string[]> ScheduledIngestionAsync([TimerTrigger("0 0 6,7 * * *")] TimerInfo timer, CancellationToken cancellationToken)
    {
        if (Core.Time.LondonTime.ToLocal(clock.GetCurrentInstant()).Hour != 7)
        {
            return [];
        }

        var waiting = await inboxes.ListWaitingAsync(cancellationToken).ConfigureAwait(false);
        return [.. waiting.Select(PipelineJson.Serialize)];
    }
}
