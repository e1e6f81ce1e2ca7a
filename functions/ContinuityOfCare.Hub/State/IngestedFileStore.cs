using Azure;
using Azure.Data.Tables;
using ContinuityOfCare.Hub.Storage;
using NodaTime;

namespace ContinuityOfCare.Hub.State;

/// <summary>
/// Ingestion idempotency by SHA-256 (docs/pipeline.md "Ingest" step 2: the same bytes are ingested
/// once, under any name). Partition = the hex SHA-256 (not personal data), row <c>file</c>; the file name is a
/// property, never a key, because names could carry personal data.
/// </summary>
public sealed class IngestedFileStore
{
    private const string Row = "file";
    private readonly TableClient _table;
    private readonly int _maxRetries;

    /// <summary>Creates the store.</summary>
    public IngestedFileStore(StateTables tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        _table = tables.Get(TableNames.IngestedFiles);
        _maxRetries = tables.Options.MaxConcurrencyRetries;
    }

    /// <summary>
    /// Claims the file if no file with these bytes was seen (insert-if-absent). A claim that exists but has no
    /// outcome (<see cref="IngestedFileStatus.Claimed"/>) is returned unclaimed: its worker may still be running, and
    /// a redelivered ingest message carries on regardless because every later step is idempotent.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="sha256"/> is not 64 hex digits.</exception>
    /// <exception cref="RequestFailedException">Storage failed.</exception>
    public async Task<IngestClaim> TryClaimAsync(string sha256, string fileName, string kind, Instant now, CancellationToken cancellationToken)
    {
        var key = CheckSha256(sha256);
        ArgumentException.ThrowIfNullOrEmpty(fileName);
        ArgumentException.ThrowIfNullOrEmpty(kind);
        var row = new TableEntity(key, Row)
        {
            ["FileName"] = fileName,
            ["Kind"] = kind,
            ["Status"] = nameof(IngestedFileStatus.Claimed),
            ["ClaimedAt"] = StateKeys.ToStored(now),
            ["RecordsAccepted"] = 0,
            ["RecordsRejected"] = 0,
        };
        try
        {
            await _table.AddEntityAsync(row, cancellationToken).ConfigureAwait(false);
            return new IngestClaim(true, ToFile(row));
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            var existing = await GetAsync(key, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException("An ingested-file row vanished after a conflict (rows are never deleted).");
            return new IngestClaim(false, existing);
        }
    }

    /// <summary>
    /// Records the outcome (processed or rejected, counts, report blob). Recording the same outcome again is a no-op;
    /// a finished file keeps its first outcome.
    /// </summary>
    /// <returns>The stored row after the call.</returns>
    /// <exception cref="ArgumentException">The status is <see cref="IngestedFileStatus.Claimed"/> or a count is negative.</exception>
    /// <exception cref="InvalidOperationException">The file was never claimed.</exception>
    public async Task<IngestedFile> RecordOutcomeAsync(
        string sha256,
        IngestedFileStatus status,
        int recordsAccepted,
        int recordsRejected,
        string? reportBlobName,
        Instant now,
        CancellationToken cancellationToken)
    {
        var key = CheckSha256(sha256);
        if (status == IngestedFileStatus.Claimed)
        {
            throw new ArgumentException("An outcome is Processed or Rejected.", nameof(status));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(recordsAccepted);
        ArgumentOutOfRangeException.ThrowIfNegative(recordsRejected);
        for (var attempt = 1; ; attempt++)
        {
            var row = (await _table.GetEntityIfExistsAsync<TableEntity>(key, Row, cancellationToken: cancellationToken).ConfigureAwait(false)).ValueOrNull()
                ?? throw new InvalidOperationException("The file was never claimed.");
            if (row.GetString("Status") != nameof(IngestedFileStatus.Claimed))
            {
                return ToFile(row);
            }

            row["Status"] = status.ToString();
            row["CompletedAt"] = StateKeys.ToStored(now);
            row["RecordsAccepted"] = recordsAccepted;
            row["RecordsRejected"] = recordsRejected;
            row["ReportBlobName"] = reportBlobName ?? string.Empty;
            try
            {
                await _table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                return ToFile(row);
            }
            catch (RequestFailedException exception) when (exception.Status == 412 && attempt < _maxRetries)
            {
                // Another worker recorded first: re-read and keep its outcome.
            }
        }
    }

    /// <summary>The file with these bytes, or null when never seen.</summary>
    public async Task<IngestedFile?> GetAsync(string sha256, CancellationToken cancellationToken)
    {
        var row = (await _table.GetEntityIfExistsAsync<TableEntity>(CheckSha256(sha256), Row, cancellationToken: cancellationToken).ConfigureAwait(false)).ValueOrNull();
        return row is null ? null : ToFile(row);
    }

    /// <summary>
    /// The files of the inboxes <paramref name="kinds"/> claimed at or after <paramref name="since"/> and processed — a
    /// filtered query over the whole table (the key is the SHA-256, so no key range narrows it): for the one-time
    /// start-up backfill of the feed-arrival index, never for a page.
    /// </summary>
    /// <exception cref="RequestFailedException">Storage failed.</exception>
    public async Task<IReadOnlyList<IngestedFile>> ListProcessedSinceAsync(IReadOnlyCollection<string> kinds, Instant since, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        if (kinds.Count == 0)
        {
            return [];
        }

        var filter = TableClient.CreateQueryFilter($"ClaimedAt ge {StateKeys.ToStored(since)} and Status eq {nameof(IngestedFileStatus.Processed)}")
            + " and (" + string.Join(" or ", kinds.Select(kind => TableClient.CreateQueryFilter($"Kind eq {kind}"))) + ")";
        var found = new List<IngestedFile>();
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            found.Add(ToFile(row));
        }

        return found;
    }

    private static string CheckSha256(string sha256)
    {
        ArgumentNullException.ThrowIfNull(sha256);
        var lower = sha256.ToLowerInvariant();
        return lower.Length == 64 && lower.All(char.IsAsciiHexDigitLower)
            ? lower
            : throw new ArgumentException("A SHA-256 is 64 hex digits.", nameof(sha256));
    }

    private static IngestedFile ToFile(TableEntity row) => new(
        row.PartitionKey,
        row.GetString("FileName") ?? string.Empty,
        row.GetString("Kind") ?? string.Empty,
        Enum.Parse<IngestedFileStatus>(row.GetString("Status") ?? nameof(IngestedFileStatus.Claimed)),
        StateKeys.FromStored(row.GetDateTimeOffset("ClaimedAt") ?? DateTimeOffset.UnixEpoch),
        row.GetDateTimeOffset("CompletedAt") is { } completed ? StateKeys.FromStored(completed) : null,
        row.GetInt32("RecordsAccepted") ?? 0,
        row.GetInt32("RecordsRejected") ?? 0,
        row.GetString("ReportBlobName") is { Length: > 0 } report ? report : null);
}
