using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Azure;
using ContinuityOfCare.Core.Clients;
using ContinuityOfCare.Core.Identifiers;
using Azure.Data.Tables;
using ContinuityOfCare.Hub.Storage;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace ContinuityOfCare.Hub.State;

/// <summary>
/// The client register (formats.md §5: upsert by <c>client_id</c>) and its identifier index (architecture.md "State":
/// identifier and name+DOB keys → client id). Index keys are keyed hashes (<see cref="KeyedHasher"/>), never plain
/// identifiers. docs/state.md "clients" gives the key design and why the write order keeps the index consistent.
/// </summary>
public sealed partial class ClientRegisterStore
{
    /// <summary>A bucket (partition) with more clients than this in one upsert is read whole instead of row by row.</summary>
    private const int PartitionScanThreshold = 100;
    private const int PageSize = 1000;

    /// <summary>
    /// Clients per slice of whole buckets: up to ~100,000 index rows, ~400 per index partition, so nearly every index
    /// transaction is full, while a million-client register is never held as table rows all at once.
    /// </summary>
    private const int SliceClients = 25_000;

    private readonly TableClient _clients;
    private readonly TableClient _index;
    private readonly KeyedHasher _hasher;
    private readonly StateOptions _options;
    private readonly ILogger<ClientRegisterStore> _logger;

    /// <summary>Creates the store.</summary>
    public ClientRegisterStore(StateTables tables, KeyedHasher hasher, ILogger<ClientRegisterStore> logger)
    {
        ArgumentNullException.ThrowIfNull(tables);
        _clients = tables.Get(TableNames.Clients);
        _index = tables.Get(TableNames.ClientIndex);
        _hasher = hasher ?? throw new ArgumentNullException(nameof(hasher));
        _options = tables.Options;
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>
    /// Inserts or replaces <paramref name="clients"/> (the last wins for a repeated id) and keeps the identifier index
    /// consistent: index rows for the new keys are written before the client rows, stale ones deleted after them. Clients
    /// whose stored row is identical are skipped, so re-importing the same register writes nothing. Works a slice of
    /// whole buckets at a time (docs/state.md "clients and the identifier index"), every step in entity group
    /// transactions of up to 100 rows per partition with <see cref="StateOptions.Parallelism"/> transactions at once.
    /// </summary>
    /// <returns>How many clients were written (inserted or changed).</returns>
    /// <exception cref="RequestFailedException">Storage failed (safe to retry: every step is idempotent).</exception>
    public async Task<int> UpsertAsync(IEnumerable<Client> clients, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(clients);
        var latest = new Dictionary<string, Client>(StringComparer.Ordinal);
        foreach (var client in clients)
        {
            ArgumentNullException.ThrowIfNull(client);
            latest[client.Id] = client;
        }

        var written = 0;
        foreach (var slice in Slices(latest.Values.GroupBy(c => ClientEntity.Partition(c.Id), StringComparer.Ordinal).OrderBy(b => b.Key, StringComparer.Ordinal)))
        {
            written += await UpsertSliceAsync(slice, cancellationToken).ConfigureAwait(false);
        }

        return written;
    }

    /// <summary>One client by id, or null.</summary>
    public async Task<Client?> GetAsync(string clientId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(clientId);
        var row = (await _clients.GetEntityIfExistsAsync<TableEntity>(ClientEntity.Partition(clientId), ClientEntity.Row(clientId), cancellationToken: cancellationToken).ConfigureAwait(false)).ValueOrNull();
        return row is null ? null : ClientEntity.ToClient(row);
    }

    /// <summary>
    /// Streams the whole register page by page (1,000 rows a request), for a plan run that builds its matching index
    /// once (architecture.md "State"); never holds more than a page of rows besides what the caller keeps.
    /// </summary>
    public async IAsyncEnumerable<Client> LoadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var row in _clients.QueryAsync<TableEntity>(maxPerPage: PageSize, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            yield return ClientEntity.ToClient(row);
        }
    }

    /// <summary>
    /// The whole register, in the same order as <see cref="LoadAllAsync"/> (bucket, then client id), read as one
    /// partition query per bucket with <see cref="StateOptions.Parallelism"/> at once, for the route step's matching
    /// index (which keeps every client anyway). A query over one bucket reads and orders only that bucket's rows, where
    /// each page of a whole-table scan is ordered from the whole table on the emulator.
    /// </summary>
    public async Task<IReadOnlyList<Client>> LoadAllByBucketAsync(CancellationToken cancellationToken)
    {
        var buckets = ClientEntity.Partitions;
        var loaded = new List<Client>[buckets.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, _options.Parallelism), CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, buckets.Count), options, async (bucket, ct) =>
        {
            var clients = new List<Client>();
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {buckets[bucket]}");
            await foreach (var row in _clients.QueryAsync<TableEntity>(filter, PageSize, cancellationToken: ct).ConfigureAwait(false))
            {
                clients.Add(ClientEntity.ToClient(row));
            }

            loaded[bucket] = clients;
        }).ConfigureAwait(false);
        return [.. loaded.SelectMany(clients => clients)];
    }

    /// <summary>Client ids holding this NOMS number.</summary>
    public Task<IReadOnlyList<string>> FindByNomsAsync(NomsNumber noms, CancellationToken cancellationToken) =>
        FindAsync(_hasher.Hash(nameof(ClientIdentifierKind.Noms), noms.Value), cancellationToken);

    /// <summary>Client ids holding this PNC id.</summary>
    public Task<IReadOnlyList<string>> FindByPncAsync(PncId pnc, CancellationToken cancellationToken) =>
        FindAsync(_hasher.Hash(nameof(ClientIdentifierKind.Pnc), pnc.Value), cancellationToken);

    /// <summary>Client ids holding this CRO number.</summary>
    public Task<IReadOnlyList<string>> FindByCroAsync(CroNumber cro, CancellationToken cancellationToken) =>
        FindAsync(_hasher.Hash(nameof(ClientIdentifierKind.Cro), cro.Value), cancellationToken);

    /// <summary>Client ids whose names equal these after normalisation and whose date of birth is this one (docs/domain.md "Matching" step 2).</summary>
    public Task<IReadOnlyList<string>> FindByNameAsync(string surname, string forenames, LocalDate dateOfBirth, CancellationToken cancellationToken) =>
        FindAsync(_hasher.Hash(nameof(ClientIdentifierKind.NameAndDateOfBirth), ClientEntity.NameKey(surname, forenames, dateOfBirth)), cancellationToken);

    /// <summary>Index partitions <c>i00</c>…<c>iff</c> by the hash's first two hex digits.</summary>
    internal static string IndexPartition(string hash) => "i" + hash[..2];

    /// <summary>Hash first, so one hash's rows are a contiguous RowKey range; the client id makes each row unique.</summary>
    internal static string IndexRow(string hash, string clientId) => hash + "_" + ClientEntity.Row(clientId);

    private async Task<IReadOnlyList<string>> FindAsync(string hash, CancellationToken cancellationToken)
    {
        // '`' is the character after '_', so [hash_, hash`) is exactly this hash's rows.
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {IndexPartition(hash)} and RowKey ge {hash + "_"} and RowKey lt {hash + "`"}");
        var found = new List<string>();
        await foreach (var row in _index.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var clientId = row.GetString("ClientId") ?? string.Empty;
            var client = (await _clients.GetEntityIfExistsAsync<TableEntity>(ClientEntity.Partition(clientId), ClientEntity.Row(clientId), [ClientEntity.IndexKeys], cancellationToken).ConfigureAwait(false)).ValueOrNull();
            if (client is not null && ClientEntity.StoredIndexHashes(client).Contains(hash, StringComparer.Ordinal))
            {
                found.Add(clientId);
                continue;
            }

            // Left by an upsert interrupted between its steps: the client row is the truth, so drop the row.
            LogOrphanIndexRow(_logger, clientId);
            await _index.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, cancellationToken).ConfigureAwait(false);
        }

        return found;
    }

    /// <summary>
    /// Whole buckets, in order, grouped until a slice holds at least <see cref="SliceClients"/> clients: each bucket's
    /// stored rows are read once, and a slice's index rows fill whole transactions in most index partitions while
    /// the rows held in memory stay bounded.
    /// </summary>
    private static IEnumerable<IReadOnlyList<IGrouping<string, Client>>> Slices(IEnumerable<IGrouping<string, Client>> buckets)
    {
        var slice = new List<IGrouping<string, Client>>();
        var count = 0;
        foreach (var bucket in buckets)
        {
            slice.Add(bucket);
            count += bucket.Count();
            if (count >= SliceClients)
            {
                yield return slice;
                slice = [];
                count = 0;
            }
        }

        if (slice.Count > 0)
        {
            yield return slice;
        }
    }

    private async Task<int> UpsertSliceAsync(IReadOnlyList<IGrouping<string, Client>> buckets, CancellationToken cancellationToken)
    {
        var options = new ParallelOptions { MaxDegreeOfParallelism = _options.Parallelism, CancellationToken = cancellationToken };
        var stored = new ConcurrentDictionary<string, TableEntity>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(buckets, options, async (bucket, ct) =>
            await ReadStoredAsync(bucket.Key, [.. bucket], stored, ct).ConfigureAwait(false)).ConfigureAwait(false);

        var changes = new List<Change>();
        foreach (var client in buckets.SelectMany(b => b))
        {
            var hashes = ClientEntity.IndexHashes(client, _hasher);
            var row = ClientEntity.ToEntity(client, hashes);
            stored.TryGetValue(row.RowKey, out var old);
            if (old?.GetString(ClientEntity.Digest) != row.GetString(ClientEntity.Digest))
            {
                changes.Add(new Change(client, row, hashes, old));
            }
        }

        if (changes.Count == 0)
        {
            return 0;
        }

        // 1. Index rows for every current key of the whole slice (upserts: idempotent), before any client row names them.
        await StateBatches.UpsertAsync(_index, changes.SelectMany(c => IndexRows(c.Client.Id, c.Hashes)), _options.Parallelism, cancellationToken).ConfigureAwait(false);

        // 2. The client rows, 100 of a bucket per transaction: insert where absent, replace under the ETag read where present.
        var chunks = changes.GroupBy(c => c.Row.PartitionKey, StringComparer.Ordinal).SelectMany(bucket => bucket.Chunk(StateBatches.MaxActions)).ToList();
        var committed = new ConcurrentBag<Change[]>();
        await Parallel.ForEachAsync(chunks, options, async (chunk, ct) =>
        {
            var actions = chunk.Select(c => c.Old is null
                ? new TableTransactionAction(TableTransactionActionType.Add, c.Row)
                : new TableTransactionAction(TableTransactionActionType.UpdateReplace, c.Row, c.Old.ETag));
            try
            {
                await _clients.SubmitTransactionAsync(actions, ct).ConfigureAwait(false);
                committed.Add(chunk);
            }
            catch (TableTransactionFailedException exception) when (exception.Status == 409 || exception.Status == 412)
            {
                // Someone else wrote one of these clients since it was read: redo each client on its own, re-reading
                // (which also deletes its stale index rows).
                foreach (var change in chunk)
                {
                    await UpsertOneAsync(change.Client, ct).ConfigureAwait(false);
                }
            }
        }).ConfigureAwait(false);

        // 3. Stale index rows (keys a client no longer has), after every client row of the slice stopped naming them.
        var stale = committed.SelectMany(chunk => chunk).SelectMany(c => StaleKeys(c.Client.Id, c.Old, c.Hashes));
        await StateBatches.DeleteAsync(_index, stale, _options.Parallelism, cancellationToken).ConfigureAwait(false);
        return changes.Count;
    }

    private async Task ReadStoredAsync(string partition, IReadOnlyList<Client> clients, ConcurrentDictionary<string, TableEntity> stored, CancellationToken cancellationToken)
    {
        // $select returns only the named properties: name the keys too.
        string[] select = ["PartitionKey", "RowKey", ClientEntity.IndexKeys, ClientEntity.Digest];
        if (clients.Count > PartitionScanThreshold)
        {
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition}");
            await foreach (var row in _clients.QueryAsync<TableEntity>(filter, PageSize, select, cancellationToken).ConfigureAwait(false))
            {
                stored[row.RowKey] = row;
            }

            return;
        }

        var options = new ParallelOptions { MaxDegreeOfParallelism = _options.Parallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(clients, options, async (client, ct) =>
        {
            var row = (await _clients.GetEntityIfExistsAsync<TableEntity>(partition, ClientEntity.Row(client.Id), select, ct).ConfigureAwait(false)).ValueOrNull();
            if (row is not null)
            {
                stored[row.RowKey] = row;
            }
        }).ConfigureAwait(false);
    }

    private async Task UpsertOneAsync(Client client, CancellationToken cancellationToken)
    {
        var hashes = ClientEntity.IndexHashes(client, _hasher);
        var row = ClientEntity.ToEntity(client, hashes);
        for (var attempt = 1; ; attempt++)
        {
            var old = (await _clients.GetEntityIfExistsAsync<TableEntity>(row.PartitionKey, row.RowKey, [ClientEntity.IndexKeys, ClientEntity.Digest], cancellationToken).ConfigureAwait(false)).ValueOrNull();
            if (old?.GetString(ClientEntity.Digest) == row.GetString(ClientEntity.Digest))
            {
                return;
            }

            await StateBatches.UpsertAsync(_index, IndexRows(client.Id, hashes), _options.Parallelism, cancellationToken).ConfigureAwait(false);
            try
            {
                if (old is null)
                {
                    await _clients.AddEntityAsync(row, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await _clients.UpdateEntityAsync(row, old.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (RequestFailedException exception) when ((exception.Status == 409 || exception.Status == 412) && attempt < _options.MaxConcurrencyRetries)
            {
                continue;
            }

            await StateBatches.DeleteAsync(_index, StaleKeys(client.Id, old, hashes), _options.Parallelism, cancellationToken).ConfigureAwait(false);
            return;
        }
    }

    private static IEnumerable<TableEntity> IndexRows(string clientId, IReadOnlyList<string> hashes) =>
        hashes.Select(hash => new TableEntity(IndexPartition(hash), IndexRow(hash, clientId)) { ["ClientId"] = clientId });

    private static IEnumerable<(string, string)> StaleKeys(string clientId, TableEntity? old, IReadOnlyList<string> current) =>
        old is null
            ? []
            : ClientEntity.StoredIndexHashes(old).Except(current, StringComparer.Ordinal).Select(hash => (IndexPartition(hash), IndexRow(hash, clientId)));

    /// <summary>A client whose stored row differs (or is absent): its new row, its index hashes and the stored row read.</summary>
    private sealed record Change(Client Client, TableEntity Row, IReadOnlyList<string> Hashes, TableEntity? Old);

    [LoggerMessage(EventId = 6101, Level = LogLevel.Information, Message = "Removed an orphan identifier index row for client {ClientId}")]
    private static partial void LogOrphanIndexRow(ILogger logger, string clientId);
}
