using System.Globalization;
using Azure.Data.Tables;
using ContinuityOfCare.Core.Feeds;
using NodaTime;
using NodaTime.Text;

namespace ContinuityOfCare.Hub.State;

/// <summary>
/// The feed-arrival index (docs/state.md <c>feedarrivals</c>): one row per feed a processed file counts as
/// (<see cref="FeedReceipts"/>), written by the ingest step beside the file's outcome, so the missing-feed alarm and
/// the console's Today page read what arrived with one partition query instead of scanning the ingested files and
/// re-reading each discharge export. Partition = the Europe/London day the feed is checked on
/// (<see cref="MissingFeedAlarms.CheckedOn"/>: today's court lists and the exports covering yesterday share today's
/// partition), <c>yyyy-MM-dd</c>; row = kind, court or prison code, the day it counts for and the file's SHA-256, so
/// a file redelivered writes the same rows (upsert) and two files from one court stay two rows. No personal data: codes,
/// days and a hash.
/// </summary>
public sealed class FeedArrivalStore
{
    private const string MetaPartition = ObligationEntity.OpenMetaPartition;
    private const string BackfilledRow = ObligationEntity.OpenBackfilledRow;
    private readonly TableClient _table;

    /// <summary>Creates the store.</summary>
    public FeedArrivalStore(StateTables tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        _table = tables.Get(TableNames.FeedArrivals);
    }

    /// <summary>Records what the file with <paramref name="sha256"/> counts as (idempotent).</summary>
    /// <exception cref="Azure.RequestFailedException">Storage failed.</exception>
    public async Task RecordAsync(string sha256, IReadOnlyList<FeedReceipt> receipts, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(sha256);
        ArgumentNullException.ThrowIfNull(receipts);
        // One transaction per partition (at most 100 rows each: a file covers a handful of prisons and days).
        foreach (var partition in receipts.GroupBy(r => Day(MissingFeedAlarms.CheckedOn(r))))
        {
            foreach (var chunk in partition.Chunk(100))
            {
                var actions = chunk.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, ToRow(partition.Key, sha256, r)));
                await _table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The feeds recorded for checking on <paramref name="day"/> (one partition).</summary>
    /// <exception cref="Azure.RequestFailedException">Storage failed.</exception>
    public async Task<IReadOnlyList<FeedReceipt>> ListAsync(LocalDate day, CancellationToken cancellationToken)
    {
        var receipts = new List<FeedReceipt>();
        await foreach (var row in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Day(day)}"), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (Enum.TryParse<FeedKind>(row.GetString("Kind"), out var kind) && LocalDatePattern.Iso.Parse(row.GetString("Day") ?? "").TryGetValue(default, out var counted))
            {
                receipts.Add(new FeedReceipt(kind, counted, Optional(row, "PrisonCode"), Optional(row, "CourtCode")));
            }
        }

        return receipts;
    }

    /// <summary>Whether the start-up backfill of arrivals recorded before this index existed has run (its marker row).</summary>
    /// <exception cref="Azure.RequestFailedException">Storage failed.</exception>
    public async Task<bool> IsBackfilledAsync(CancellationToken cancellationToken) =>
        (await _table.GetEntityIfExistsAsync<TableEntity>(MetaPartition, BackfilledRow, cancellationToken: cancellationToken).ConfigureAwait(false)).HasValue;

    /// <summary>Leaves the backfill's marker row (in a partition no day query reads).</summary>
    /// <exception cref="Azure.RequestFailedException">Storage failed.</exception>
    public Task MarkBackfilledAsync(CancellationToken cancellationToken) =>
        _table.UpsertEntityAsync(new TableEntity(MetaPartition, BackfilledRow), TableUpdateMode.Replace, cancellationToken);

    private static TableEntity ToRow(string partition, string sha256, FeedReceipt receipt) =>
        new(partition, StateKeys.Legal(string.Create(CultureInfo.InvariantCulture,
            $"{receipt.Kind}_{receipt.PrisonCode ?? receipt.CourtCode ?? "-"}_{Day(receipt.Day)}_{sha256}")))
        {
            ["Kind"] = receipt.Kind.ToString(),
            ["Day"] = Day(receipt.Day),
            ["PrisonCode"] = receipt.PrisonCode ?? string.Empty,
            ["CourtCode"] = receipt.CourtCode ?? string.Empty,
            ["Sha256"] = sha256,
        };

    private static string? Optional(TableEntity row, string name) => row.GetString(name) is { Length: > 0 } value ? value : null;

    private static string Day(LocalDate day) => LocalDatePattern.Iso.Format(day);
}
