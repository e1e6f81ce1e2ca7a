using ContinuityOfCare.Hub.Console;
using ContinuityOfCare.Hub.Directory;
using ContinuityOfCare.Hub.Pipeline;
using ContinuityOfCare.Hub.Pipeline.Messages;
using ContinuityOfCare.Hub.Retention;
using Microsoft.Azure.Functions.Worker;

namespace ContinuityOfCare.FunctionApp.Functions;

/// <summary>
/// The hub's timers: six-field NCRONTAB expressions. Flex Consumption does not support <c>WEBSITE_TIME_ZONE</c>, so in
/// Azure they are read in UTC, locally (the runner) in Europe/London; a timer whose moment matters in London time fires
/// at both candidate hours and acts only at the London one (<see cref="ScheduledIngestionFunction"/>).
/// </summary>
public sealed class ScheduledFunctions(
    OutboxSweeper outbox,
    FeedWatch feeds,
    DirectoryRefresher directory,
    RetentionSweeper retention,
    TodayCounter today)
{
    /// <summary>Every 15 minutes: stuck outbox sends are reconciled and every alert still Pending is queued to send again.</summary>
    [Function("OutboxSweep")]
    [QueueOutput(PipelineQueues.Send)]
    public async Task<string[]> OutboxSweepAsync([TimerTrigger("0 */15 * * * *")] TimerInfo timer, CancellationToken cancellationToken)
    {
        var result = await outbox.SweepAsync(cancellationToken).ConfigureAwait(false);
        return [.. result.PendingAlertIds];
    }

    /// <summary>At 5 and 35 minutes past each hour: a daily feed that has not arrived by its time becomes an operator notice.</summary>
    [Function("MissingFeedAlarm")]
    public async Task MissingFeedAlarmAsync([TimerTrigger("0 5,35 * * * *")] TimerInfo timer, CancellationToken cancellationToken) =>
        _ = await feeds.CheckAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>06:00 on the first of each month: the newest SPOC directory file in the inbox is imported if it is new.</summary>
    [Function("DirectoryRefresh")]
    public async Task DirectoryRefreshAsync([TimerTrigger("0 0 6 1 * *")] TimerInfo timer, CancellationToken cancellationToken) =>
        _ = await directory.RefreshAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>02:30 daily: raw input files older than the retention period are deleted.</summary>
    [Function("RetentionSweep")]
    public async Task RetentionSweepAsync([TimerTrigger("0 30 2 * * *")] TimerInfo timer, CancellationToken cancellationToken) =>
        _ = await retention.SweepAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Every 5 minutes (<see cref="TodayCounter.RecountEvery"/>): the console's Today figures are counted again from the
    /// open indexes and stored, so the page reads one row.
    /// </summary>
    [Function("TodayRecount")]
    public async Task TodayRecountAsync([TimerTrigger("0 */5 * * * *")] TimerInfo timer, CancellationToken cancellationToken) =>
        _ = await today.CountAsync(cancellationToken).ConfigureAwait(false);
}
