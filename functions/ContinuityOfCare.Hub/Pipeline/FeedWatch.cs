using ContinuityOfCare.Core.Feeds;
using ContinuityOfCare.Core.Time;
using ContinuityOfCare.Hub.Directory;
using ContinuityOfCare.Hub.State;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace ContinuityOfCare.Hub.Pipeline;

/// <summary>
/// The missing-feed alarm and the calendar-coverage warning (docs/operations.md "Missing feeds", "The calendar running out"): reads
/// what arrived from today's partition of the feed-arrival index (<see cref="FeedArrivalStore"/>, written at ingest), asks the core (<see cref="MissingFeedAlarms"/>,
/// <see cref="CalendarCoverageWarning"/>) what to raise now, and stores each notice once per feed per day
/// (<see cref="NoticeStore"/> is insert-if-absent by the notice's deterministic id).
/// </summary>
public sealed partial class FeedWatch(
    FeedArrivalStore arrivals,
    HubState state,
    DirectoryStore directories,
    CalendarProvider calendars,
    IOptions<FeedAlarmOptions> options,
    IClock clock,
    ILogger<FeedWatch> logger)
{
    /// <summary>Checks now; returns the notices raised by this call (none when already raised today).</summary>
    public async Task<IReadOnlyList<FeedNotice>> CheckAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        var today = LondonTime.ToLocal(now).Date;
        var yesterday = today.PlusDays(-1);
        var raised = (await state.Notices.ListAsync(yesterday, today, cancellationToken).ConfigureAwait(false))
            .Select(n => n.Key).ToHashSet(StringComparer.Ordinal);
        var (calendar, received, prisons) = await GatherAsync(now, cancellationToken).ConfigureAwait(false);

        var notices = MissingFeedAlarms.Decide(calendar, now, options.Value, received, prisons, raised).ToList();
        if (CalendarCoverageWarning.Decide(calendar, now, options.Value, raised) is { } warning)
        {
            notices.Add(warning);
        }

        var newlyRaised = new List<FeedNotice>();
        foreach (var notice in notices)
        {
            if (await state.Notices.TryRaiseAsync(new HubNotice(notice.Id, notice.Day, notice.Kind.ToString(), notice.Message, now), cancellationToken).ConfigureAwait(false))
            {
                LogNotice(notice.Kind, notice.Id);
                newlyRaised.Add(notice);
            }
        }

        return newlyRaised;
    }

    /// <summary>
    /// The feeds expected now and whether each has arrived — the same rule and the same reads as the alarm
    /// (<see cref="MissingFeedAlarms.Expected"/>) — and every feed recorded for checking today (the console's Today page).
    /// </summary>
    public async Task<FeedsToday> TodayAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        var (calendar, received, prisons) = await GatherAsync(now, cancellationToken).ConfigureAwait(false);
        return new FeedsToday(LondonTime.ToLocal(now).Date, MissingFeedAlarms.Expected(calendar, now, options.Value, received, prisons), received, options.Value);
    }

    /// <summary>
    /// The calendar, today's partition of the feed-arrival index (today's court lists and the exports covering
    /// yesterday: <see cref="MissingFeedAlarms.CheckedOn"/>) and the prisons expected to report for yesterday. Key reads
    /// only: no file is read again.
    /// </summary>
    private async Task<(WorkingCalendar Calendar, IReadOnlyList<FeedReceipt> Received, IReadOnlyList<string> Prisons)> GatherAsync(Instant now, CancellationToken cancellationToken)
    {
        var today = LondonTime.ToLocal(now).Date;
        var calendar = await calendars.GetAsync(cancellationToken).ConfigureAwait(false);
        var received = await arrivals.ListAsync(today, cancellationToken).ConfigureAwait(false);
        var directory = (await directories.LoadLiveAsync(cancellationToken).ConfigureAwait(false)).Live;
        var prisons = directory is null ? [] : MissingFeedAlarms.PrisonsExpectedToReport(directory, today.PlusDays(-1));
        return (calendar, received, prisons);
    }

    [LoggerMessage(EventId = 6401, Level = LogLevel.Warning, Message = "Operator notice raised: {Kind} ({NoticeId})")]
    private partial void LogNotice(FeedNoticeKind kind, string noticeId);
}
