extern alias functionapp;

using System.Collections.Concurrent;
using Azure.Data.Tables;
using ContinuityOfCare.Core.Clients;
using functionapp::ContinuityOfCare.Hub.State;

namespace ContinuityOfCare.Benchmarks.Storage;

/// <summary>
/// The register upsert as it was before the storage-throughput work, kept in the benchmark project as the baseline
/// (the hub no longer contains it): bucket by bucket, 100 clients at a time, each chunk writing its index rows
/// (grouped by index partition: mostly one-row transactions), its client rows in one transaction, then its stale
/// index rows. Same rows, same keys and digests as <see cref="ClientRegisterStore"/>; no conflict handling (the
/// benchmark has no concurrent writer).
/// </summary>
internal sealed class LegacyRegisterUpsert(TableClient clients, TableClient index, KeyedHasher hasher, int parallelism)
{
    private const int PartitionScanThreshold = 100;
    private const int MaxActions = 100;

    public async Task<int> UpsertAsync(IEnumerable<Client> register, CancellationToken cancellationToken)
    {
        var latest = new Dictionary<string, Client>(StringComparer.Ordinal);
        foreach (var client in register)
        {
            latest[client.Id] = client;
        }

        var written = 0;
        foreach (var bucket in latest.Values.GroupBy(c => ClientEntity.Partition(c.Id), StringComparer.Ordinal))
        {
            var stored = await ReadStoredAsync(bucket.Key, [.. bucket], cancellationToken).ConfigureAwait(false);
            foreach (var chunk in bucket.Chunk(MaxActions))
            {
                written += await UpsertChunkAsync(chunk, stored, cancellationToken).ConfigureAwait(false);
            }
        }

        return written;
    }

    private async Task<ConcurrentDictionary<string, TableEntity>> ReadStoredAsync(string partition, IReadOnlyList<Client> bucket, CancellationToken cancellationToken)
    {
        var stored = new ConcurrentDictionary<string, TableEntity>(StringComparer.Ordinal);
        string[] select = ["PartitionKey", "RowKey", ClientEntity.IndexKeys, ClientEntity.Digest];
        if (bucket.Count > PartitionScanThreshold)
        {
            await foreach (var row in clients.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), 1000, select, cancellationToken).ConfigureAwait(false))
            {
                stored[row.RowKey] = row;
            }

            return stored;
        }

        await Parallel.ForEachAsync(bucket, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken }, async (client, ct) =>
        {
            var response = await clients.GetEntityIfExistsAsync<TableEntity>(partition, ClientEntity.Row(client.Id), select, ct).ConfigureAwait(false);
            if (response.HasValue && response.Value is { } row)
            {
                stored[row.RowKey] = row;
            }
        }).ConfigureAwait(false);
        return stored;
    }

    private async Task<int> UpsertChunkAsync(IReadOnlyList<Client> chunk, ConcurrentDictionary<string, TableEntity> stored, CancellationToken cancellationToken)
    {
        var changes = new List<(Client Client, TableEntity Row, IReadOnlyList<string> Hashes, TableEntity? Old)>();
        foreach (var client in chunk)
        {
            var hashes = ClientEntity.IndexHashes(client, hasher);
            var row = ClientEntity.ToEntity(client, hashes);
            stored.TryGetValue(row.RowKey, out var old);
            if (old?.GetString(ClientEntity.Digest) != row.GetString(ClientEntity.Digest))
            {
                changes.Add((client, row, hashes, old));
            }
        }

        if (changes.Count == 0)
        {
            return 0;
        }

        var indexRows = changes.SelectMany(c => c.Hashes.Select(hash =>
            new TableEntity(ClientRegisterStore.IndexPartition(hash), ClientRegisterStore.IndexRow(hash, c.Client.Id)) { ["ClientId"] = c.Client.Id }));
        await ForEachChunkAsync(indexRows, (rows, ct) =>
            index.SubmitTransactionAsync(rows.Select(row => new TableTransactionAction(TableTransactionActionType.UpsertReplace, row)), ct), cancellationToken).ConfigureAwait(false);

        await clients.SubmitTransactionAsync(changes.Select(c => c.Old is null
            ? new TableTransactionAction(TableTransactionActionType.Add, c.Row)
            : new TableTransactionAction(TableTransactionActionType.UpdateReplace, c.Row, c.Old.ETag)), cancellationToken).ConfigureAwait(false);

        var stale = changes.SelectMany(c => c.Old is null
            ? []
            : ClientEntity.StoredIndexHashes(c.Old).Except(c.Hashes, StringComparer.Ordinal)
                .Select(hash => new TableEntity(ClientRegisterStore.IndexPartition(hash), ClientRegisterStore.IndexRow(hash, c.Client.Id))));
        await ForEachChunkAsync(stale, (rows, ct) =>
            index.SubmitTransactionAsync(rows.Select(row => new TableTransactionAction(TableTransactionActionType.Delete, row, Azure.ETag.All)), ct), cancellationToken).ConfigureAwait(false);
        return changes.Count;
    }

    private Task ForEachChunkAsync(IEnumerable<TableEntity> rows, Func<IReadOnlyList<TableEntity>, CancellationToken, Task> action, CancellationToken cancellationToken)
    {
        var chunks = rows
            .GroupBy(row => (row.PartitionKey, row.RowKey))
            .Select(group => group.Last())
            .GroupBy(row => row.PartitionKey, StringComparer.Ordinal)
            .SelectMany(partition => partition.Chunk(MaxActions))
            .ToList();
        return Parallel.ForEachAsync(chunks, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
            async (chunk, ct) => await action(chunk, ct).ConfigureAwait(false));
    }
}
