using ContinuityOfCare.Core.Feeds;
using ContinuityOfCare.Core.Time;
using ContinuityOfCare.Hub.Directory;
using ContinuityOfCare.Ingestion.CourtLists;
using ContinuityOfCare.Hub.State;
using ContinuityOfCare.Hub.Storage;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace ContinuityOfCare.Hub.Pipeline;

/// <summary>
/// The missing-feed alarm and the calendar-coverage warning (docs/operations.md "Missing feeds", "The calendar running out"): gathers
/// what arrived from the ingested-files table, asks the core (<see cref="MissingFeedAlarms"/>,
/// <see cref="CalendarCoverageWarning"/>) what to raise now, and stores each notice once per feed per day
/// (<see cref="NoticeStore"/> is insert-if-absent by the notice's deterministic id).
/// </summary>
public sealed partial class FeedWatch(
    HubStorage storage,
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
    /// (<see cref="MissingFeedAlarms.Expected"/>) — and every feed received since yesterday began (the console's Today page).
    /// </summary>
    public async Task<FeedsToday> TodayAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        var (calendar, received, prisons) = await GatherAsync(now, cancellationToken).ConfigureAwait(false);
        return new FeedsToday(LondonTime.ToLocal(now).Date, MissingFeedAlarms.Expected(calendar, now, options.Value, received, prisons), received, options.Value);
    }

    private async Task<(WorkingCalendar Calendar, IReadOnlyList<FeedReceipt> Received, IReadOnlyList<string> Prisons)> GatherAsync(Instant now, CancellationToken cancellationToken)
    {
        var yesterday = LondonTime.ToLocal(now).Date.PlusDays(-1);
        var calendar = await calendars.GetAsync(cancellationToken).ConfigureAwait(false);
        var received = await ReceivedSinceAsync(LondonTime.ToInstant(yesterday.AtMidnight()), cancellationToken).ConfigureAwait(false);
        var directory = (await directories.LoadLiveAsync(cancellationToken).ConfigureAwait(false)).Live;
        var prisons = directory is null ? [] : MissingFeedAlarms.PrisonsExpectedToReport(directory, yesterday);
        return (calendar, received, prisons);
    }

    /// <summary>
    /// Court lists claimed since <paramref name="since"/> count for their local claim day; a discharge export counts for
    /// the prison and the days of its movements (read from the processed file), or for the day before it arrived when
    /// it has none (formats.md §3: one file per prison per day; an empty export still proves the feed ran).
    /// </summary>
    private async Task<IReadOnlyList<FeedReceipt>> ReceivedSinceAsync(Instant since, CancellationToken cancellationToken)
    {
        var receipts = new List<FeedReceipt>();
        var table = state.Tables.Get(TableNames.IngestedFiles);
        var filter = TableClient.CreateQueryFilter($"ClaimedAt ge {since.ToDateTimeOffset()} and Status eq {nameof(IngestedFileStatus.Processed)}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var claimedDay = LondonTime.ToLocal(Instant.FromDateTimeOffset(row.GetDateTimeOffset("ClaimedAt") ?? DateTimeOffset.UnixEpoch)).Date;
            var fileName = row.GetString("FileName") ?? string.Empty;
            switch (row.GetString("Kind"))
            {
                case InboxContainers.CourtLists:
                    receipts.Add(new FeedReceipt(FeedKind.CourtList, claimedDay,
                        CourtCode: CourtListFileName.TryGetCourtCode(fileName, out var court) ? court : null));
                    break;
                case InboxContainers.Discharges:
                    receipts.AddRange(await DischargeReceiptsAsync(row.PartitionKey, fileName, claimedDay, cancellationToken).ConfigureAwait(false));
                    break;
            }
        }

        return receipts;
    }

    private async Task<IReadOnlyList<FeedReceipt>> DischargeReceiptsAsync(string sha256, string fileName, LocalDate claimedDay, CancellationToken cancellationToken)
    {
        var blob = storage.Container(InboxContainers.Processed).GetBlobClient(PipelineBlobs.MovedName(InboxContainers.Discharges, sha256, fileName));
        var download = (await blob.DownloadContentAsync(cancellationToken).ConfigureAwait(false)).Value;
        var content = download.Content.ToArray();

        var parsed = await FeedParser.ParseAsync(InboxContainers.Discharges, fileName, content, courtCode: null, cancellationToken).ConfigureAwait(false);
        var receipts = parsed.Discharges
            .Select(m => new FeedReceipt(FeedKind.DischargeExport, LondonTime.ToLocal(m.MovedAt).Date, m.PrisonCode))
            .Distinct()
            .ToList();
        if (receipts.Count == 0 && fileName.Length >= 3 && fileName[..3].All(char.IsAsciiLetterUpper))
        {
            receipts.Add(new FeedReceipt(FeedKind.DischargeExport, claimedDay.PlusDays(-1), fileName[..3]));
        }

        return receipts;
    }

    [LoggerMessage(EventId = 6401, Level = LogLevel.Warning, Message = "Operator notice raised: {Kind} ({NoticeId})")]
    private partial void LogNotice(FeedNoticeKind kind, string noticeId);
}
