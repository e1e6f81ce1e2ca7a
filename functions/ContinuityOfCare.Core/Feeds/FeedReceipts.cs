using ContinuityOfCare.Core.Inputs;
using ContinuityOfCare.Core.Time;
using NodaTime;

namespace ContinuityOfCare.Core.Feeds;

/// <summary>
/// What one processed feed file counts as for the missing-feed rule (<see cref="MissingFeedAlarms"/>), decided once
/// when the file is ingested and kept in the feed-arrival index, so neither the alarm nor the Today page reads a file
/// again.
/// </summary>
public static class FeedReceipts
{
    /// <summary>A court list counts for the Europe/London day it was received, and names its court when known.</summary>
    public static IReadOnlyList<FeedReceipt> ForCourtList(Instant receivedAt, string? courtCode) =>
        [new FeedReceipt(FeedKind.CourtList, LondonTime.ToLocal(receivedAt).Date, CourtCode: string.IsNullOrWhiteSpace(courtCode) ? null : courtCode)];

    /// <summary>
    /// A discharge export counts for each prison and local day of its movements; one with no movements counts for the
    /// prison its file name starts with (formats.md §3, <c>LEI_2026-12-28.csv</c>) and the day before it was received —
    /// an empty export still proves the feed ran. An empty export whose name names no prison counts for nothing.
    /// </summary>
    public static IReadOnlyList<FeedReceipt> ForDischargeExport(IEnumerable<DischargeMovement> movements, string fileName, Instant receivedAt)
    {
        ArgumentNullException.ThrowIfNull(movements);
        ArgumentNullException.ThrowIfNull(fileName);
        var receipts = movements
            .Select(m => new FeedReceipt(FeedKind.DischargeExport, LondonTime.ToLocal(m.MovedAt).Date, FeedNoticeIds.NormalisePrisonCode(m.PrisonCode)))
            .Distinct()
            .ToList();
        if (receipts.Count == 0 && fileName.Length >= 3 && fileName[..3].All(char.IsAsciiLetterUpper))
        {
            receipts.Add(new FeedReceipt(FeedKind.DischargeExport, LondonTime.ToLocal(receivedAt).Date.PlusDays(-1), fileName[..3]));
        }

        return receipts;
    }
}
