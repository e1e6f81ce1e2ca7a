using Azure;
using Azure.Data.Tables;

namespace ContinuityOfCare.Hub.State;

/// <summary>
/// Entity group transactions for many rows: grouped by partition, at most <see cref="MaxActions"/> per transaction
/// (the service's limit), chunks run with bounded parallelism.
/// </summary>
internal static class StateBatches
{
    public const int MaxActions = 100;

    /// <summary>Upserts (replace) every row; idempotent, so a redelivered call rewrites the same rows.</summary>
    public static Task UpsertAsync(TableClient table, IEnumerable<TableEntity> rows, int parallelism, CancellationToken cancellationToken) =>
        ForEachChunkAsync(rows, parallelism, cancellationToken, async (chunk, ct) =>
        {
            // A lone row goes as a plain request: the same effect without the transaction's multipart envelope.
            if (chunk.Count == 1)
            {
                await table.UpsertEntityAsync(chunk[0], TableUpdateMode.Replace, ct).ConfigureAwait(false);
                return;
            }

            await table.SubmitTransactionAsync(chunk.Select(row => new TableTransactionAction(TableTransactionActionType.UpsertReplace, row)), ct).ConfigureAwait(false);
        });

    /// <summary>
    /// Deletes every (PartitionKey, RowKey) whatever its ETag; rows already gone are fine. A transaction holding a
    /// missing row fails as a whole (404), so that chunk falls back to one idempotent delete per row.
    /// </summary>
    public static Task DeleteAsync(TableClient table, IEnumerable<(string PartitionKey, string RowKey)> keys, int parallelism, CancellationToken cancellationToken) =>
        ForEachChunkAsync(keys.Select(k => new TableEntity(k.PartitionKey, k.RowKey)), parallelism, cancellationToken, async (chunk, ct) =>
        {
            if (chunk.Count > 1)
            {
                try
                {
                    await table.SubmitTransactionAsync(chunk.Select(row => new TableTransactionAction(TableTransactionActionType.Delete, row, ETag.All)), ct).ConfigureAwait(false);
                    return;
                }
                catch (TableTransactionFailedException exception) when (exception.Status == 404)
                {
                    // One of them is gone already: delete each on its own below.
                }
            }

            foreach (var row in chunk)
            {
                await table.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, ct).ConfigureAwait(false);
            }
        });

    /// <summary>Runs <paramref name="action"/> on chunks of at most 100 rows of one partition each.</summary>
    public static Task ForEachChunkAsync(
        IEnumerable<TableEntity> rows,
        int parallelism,
        CancellationToken cancellationToken,
        Func<IReadOnlyList<TableEntity>, CancellationToken, Task> action)
    {
        // Each entity once per transaction (the service refuses repeats): the last row for a key wins.
        var chunks = rows
            .GroupBy(row => (row.PartitionKey, row.RowKey))
            .Select(group => group.Last())
            .GroupBy(row => row.PartitionKey, StringComparer.Ordinal)
            .SelectMany(partition => partition.Chunk(MaxActions))
            .ToList();
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism), CancellationToken = cancellationToken };
        return Parallel.ForEachAsync(chunks, options, async (chunk, ct) => await action(chunk, ct).ConfigureAwait(false));
    }
}
