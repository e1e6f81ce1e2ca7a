using ContinuityOfCare.Core.Feeds;
using ContinuityOfCare.Core.Inputs;
using ContinuityOfCare.Ingestion.Common;
using ContinuityOfCare.Ingestion.CourtLists;
using ContinuityOfCare.Ingestion.CourtResults;
using ContinuityOfCare.Ingestion.Discharges;

namespace ContinuityOfCare.Hub.Pipeline;

/// <summary>
/// Parses a feed file by the inbox it arrived in (formats.md §1–§3). A court list's court code comes from the file name
/// sidecar <c>CODE__rest.json</c> (formats.md §1). Deterministic: the same bytes and name give the same records, so the
/// ingest and route functions may each parse the file.
/// </summary>
public static class FeedParser
{
    /// <summary>
    /// Parses <paramref name="content"/> from inbox <paramref name="container"/>. A court list's court code is
    /// <paramref name="courtCode"/> when given (the ingestion request's), else the file name's <c>CODE__</c> prefix, else
    /// none: the list is still read and matched, and only court-based routing is skipped (docs/formats.md §1).
    /// </summary>
    /// <exception cref="ArgumentException">The container is not a feed inbox.</exception>
    public static async Task<ParsedFeed> ParseAsync(string container, string fileName, ReadOnlyMemory<byte> content, string? courtCode, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(container);
        ArgumentException.ThrowIfNullOrEmpty(fileName);
        var rejections = new List<Rejection>();
        Rejection? whole = null;
        List<CourtListing> listings = [];
        List<CourtResult> results = [];
        List<DischargeMovement> discharges = [];
        using var stream = new MemoryStream(content.ToArray(), writable: false);
        switch (container)
        {
            case InboxContainers.CourtLists:
                courtCode = CourtCodeOf(fileName, courtCode);
                var listingResult = await IngestionResult<CourtListing>.CollectAsync(
                    fileName, new CourtListParser().ParseAsync(stream, fileName, courtCode, cancellationToken), cancellationToken).ConfigureAwait(false);
                listings = [.. listingResult.Records];
                Collect(listingResult, rejections, ref whole);
                break;
            case InboxContainers.CourtResults:
                var resultResult = await IngestionResult<CourtResult>.CollectAsync(
                    fileName, new CourtResultsCsvParser().ParseAsync(stream, fileName, cancellationToken), cancellationToken).ConfigureAwait(false);
                results = [.. resultResult.Records];
                Collect(resultResult, rejections, ref whole);
                break;
            case InboxContainers.Discharges:
                var dischargeResult = await IngestionResult<DischargeMovement>.CollectAsync(
                    fileName, new DischargeExportCsvParser().ParseAsync(stream, fileName, cancellationToken), cancellationToken).ConfigureAwait(false);
                discharges = [.. dischargeResult.Records];
                Collect(dischargeResult, rejections, ref whole);
                break;
            default:
                throw new ArgumentException($"{container} is not a feed inbox", nameof(container));
        }

        return new ParsedFeed(listings, results, discharges, rejections, whole);
    }

    /// <summary>
    /// What a processed feed file counts as for the missing-feed rule (<see cref="FeedReceipts"/>): a court list for
    /// its claim day and court, a discharge export for its movements' prisons and days; other feeds for nothing. The
    /// ingest step and the start-up backfill of the feed-arrival index both ask here.
    /// </summary>
    public static IReadOnlyList<FeedReceipt> ReceiptsOf(string container, string fileName, ParsedFeed parsed, string? courtCode, NodaTime.Instant claimedAt)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        return container switch
        {
            InboxContainers.CourtLists => FeedReceipts.ForCourtList(claimedAt, CourtCodeOf(fileName, courtCode)),
            InboxContainers.Discharges => FeedReceipts.ForDischargeExport(parsed.Discharges, fileName, claimedAt),
            _ => [],
        };
    }

    /// <summary>A court list's court: <paramref name="courtCode"/> when given (the ingestion request's), else the file name's <c>CODE__</c> prefix, else null.</summary>
    public static string? CourtCodeOf(string fileName, string? courtCode) =>
        courtCode ?? (CourtListFileName.TryGetCourtCode(fileName, out var code) ? code : null);

    private static void Collect<T>(IngestionResult<T> result, List<Rejection> rejections, ref Rejection? whole)
        where T : class
    {
        rejections.AddRange(result.Rejections);
        rejections.AddRange(result.Warnings);
        whole = result.FileRejection;
    }
}
