using Azure;
using ContinuityOfCare.Core.Feeds;
using ContinuityOfCare.Core.Time;
using ContinuityOfCare.Hub.Pipeline;
using ContinuityOfCare.Hub.State;
using ContinuityOfCare.Hub.Storage;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace ContinuityOfCare.Hub.Upgrade;

/// <summary>
/// Fills the feed-arrival index (<see cref="FeedArrivalStore"/>) for court lists and discharge exports processed by a
/// version that did not write it, so on the day of an upgrade the missing-feed alarm and the Today page see the feeds
/// that arrived earlier that day (docs/state.md "Backfills at start-up"). Reads the processed files claimed since the
/// start of yesterday (Europe/London) — every file today's and tomorrow's checks can count: today's court lists, and
/// exports covering yesterday or today, which cannot have been claimed earlier — re-reads each from <c>processed/</c> and
/// records what it counts as by the ingest step's rule (<see cref="FeedParser.ReceiptsOf"/>). Upserts, so a repeat is
/// harmless; a marker row makes it run once per storage account.
/// </summary>
public sealed partial class FeedArrivalBackfill(
    HubStorage storage,
    IngestedFileStore files,
    FeedArrivalStore arrivals,
    IClock clock,
    ILogger<FeedArrivalBackfill> logger)
{
    private static readonly string[] FeedKinds = [InboxContainers.CourtLists, InboxContainers.Discharges];

    /// <summary>Runs the backfill unless its marker is present.</summary>
    /// <returns>What it did, or null when it had run before.</returns>
    /// <exception cref="RequestFailedException">Storage failed (nothing is marked; the next attempt starts again).</exception>
    public async Task<BackfillSummary?> RunAsync(CancellationToken cancellationToken)
    {
        if (await arrivals.IsBackfilledAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var since = LondonTime.ToInstant(LondonTime.ToLocal(clock.GetCurrentInstant()).Date.PlusDays(-1).AtMidnight());
        var processed = await files.ListProcessedSinceAsync(FeedKinds, since, cancellationToken).ConfigureAwait(false);
        int written = 0, skipped = 0;
        foreach (var file in processed)
        {
            if (await ReceiptsAsync(file, cancellationToken).ConfigureAwait(false) is not { } receipts)
            {
                skipped++;
                continue;
            }

            await arrivals.RecordAsync(file.Sha256, receipts, cancellationToken).ConfigureAwait(false);
            written++;
        }

        await arrivals.MarkBackfilledAsync(cancellationToken).ConfigureAwait(false);
        if (skipped > 0)
        {
            LogSkipped(skipped);
        }

        LogDone(written, skipped);
        return new BackfillSummary(written, skipped);
    }

    /// <summary>What the processed copy of <paramref name="file"/> counts as, or null when it cannot be read or parsed.</summary>
    private async Task<IReadOnlyList<FeedReceipt>?> ReceiptsAsync(IngestedFile file, CancellationToken cancellationToken)
    {
        try
        {
            var blob = storage.Container(InboxContainers.Processed).GetBlobClient(PipelineBlobs.MovedName(file.Kind, file.Sha256, file.FileName));
            var download = (await blob.DownloadContentAsync(cancellationToken).ConfigureAwait(false)).Value;
            // The moved copy keeps the inbox blob's metadata: a court code given with the upload counts as it did at ingest.
            var courtCode = PipelineBlobs.CourtCodeOf(download.Details.Metadata);
            var parsed = await FeedParser.ParseAsync(file.Kind, file.FileName, download.Content.ToMemory(), courtCode, cancellationToken).ConfigureAwait(false);
            return parsed.FileRejection is null ? FeedParser.ReceiptsOf(file.Kind, file.FileName, parsed, courtCode, file.ClaimedAt) : null;
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            // The processed copy is gone (retention, or removed by hand): nothing to count it by.
            return null;
        }
        catch (Exception exception) when (exception is ArgumentException or FormatException or InvalidDataException or InvalidOperationException)
        {
            // A row or file this version cannot read: counted and left, so start-up goes on.
            return null;
        }
    }

    [LoggerMessage(EventId = 7101, Level = LogLevel.Information, Message = "Feed-arrival index backfilled for files processed before it existed: {Written} files recorded, {Skipped} skipped")]
    private partial void LogDone(int written, int skipped);

    [LoggerMessage(EventId = 7102, Level = LogLevel.Warning, Message = "Feed-arrival backfill: {Skipped} processed files could not be read or parsed and were not recorded; the Today page may show those feeds as missing today")]
    private partial void LogSkipped(int skipped);
}
