using Azure;
using ContinuityOfCare.Core.Planning;
using Azure.Data.Tables;
using ContinuityOfCare.Hub.Storage;
using NodaTime;

namespace ContinuityOfCare.Hub.State;

/// <summary>
/// Tasks for people (consent missing, unroutable, insecure recipient, possible match, operator work). Partition =
/// client id (<c>_operator</c> for tasks about no client), row = task id: the client timeline is one partition query.
/// Insert-if-absent by the deterministic id; resolution is ETag-guarded. Open tasks are also indexed in
/// <c>tasksopen</c> (docs/state.md "Open indexes"): every team's in one partition and each owner's in its own, in creation
/// order, written before the task and removed after it is resolved, so the console pages them by key range.
/// </summary>
public sealed class TaskStore
{
    /// <summary>The partition of tasks about no client.</summary>
    public const string NoClientPartition = "_operator";

    /// <summary>The open index's partition holding every team's open tasks.</summary>
    public const string OpenEveryTeam = ObligationEntity.OpenEveryTeam;

    /// <summary>The most index rows one page request checks; a page of mostly stale rows stops there and continues on the next.</summary>
    public const int MaxExamined = 1_000;

    private const string OpenMetaPartition = ObligationEntity.OpenMetaPartition;
    private const string OpenBackfilledRow = ObligationEntity.OpenBackfilledRow;

    private readonly TableClient _table;
    private readonly TableClient _open;
    private readonly int _maxRetries;
    private readonly int _parallelism;

    /// <summary>Creates the store.</summary>
    public TaskStore(StateTables tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        _table = tables.Get(TableNames.Tasks);
        _open = tables.Get(TableNames.TasksOpen);
        _maxRetries = tables.Options.MaxConcurrencyRetries;
        _parallelism = tables.Options.Parallelism;
    }

    /// <summary>Adds a task from the plan unless it exists.</summary>
    /// <returns>The task (new or the one stored before) and whether it was added now.</returns>
    public Task<(HubTask Task, bool Added)> AddAsync(PlanTask task, Instant now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        return AddAsync(HubTaskKinds.Of(task.Kind), task.Owner, task.ClientId, task.Reason, task.EventId, now, cancellationToken);
    }

    /// <summary>Adds a task unless one with the same kind, owner, client, event and reason exists.</summary>
    /// <returns>The task (new or the one stored before) and whether it was added now.</returns>
    /// <exception cref="RequestFailedException">Storage failed.</exception>
    public async Task<(HubTask Task, bool Added)> AddAsync(string kind, string owner, string? clientId, string reason, string? eventId, Instant now, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(kind);
        ArgumentException.ThrowIfNullOrEmpty(owner);
        ArgumentNullException.ThrowIfNull(reason);
        var task = new HubTask(HubTask.IdFor(kind, owner, clientId, eventId, reason), kind, owner, clientId, reason, eventId, HubTaskStatus.Open, now);
        // Index first: a crash before the task is written leaves an index row naming no task, which readers skip and remove.
        await StateBatches.UpsertAsync(_open, OpenRows(task), _parallelism, cancellationToken).ConfigureAwait(false);
        try
        {
            await _table.AddEntityAsync(ToEntity(task), cancellationToken).ConfigureAwait(false);
            return (task, true);
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            // Added before (at another instant, so under other index keys): the index must show the stored task only.
            var stored = await GetAsync(clientId, task.Id, cancellationToken).ConfigureAwait(false);
            if (stored is null || stored.CreatedAt != task.CreatedAt || stored.Status != HubTaskStatus.Open)
            {
                await StateBatches.DeleteAsync(_open, OpenKeys(task), _parallelism, cancellationToken).ConfigureAwait(false);
            }

            if (stored is { Status: HubTaskStatus.Open })
            {
                await StateBatches.UpsertAsync(_open, OpenRows(stored), _parallelism, cancellationToken).ConfigureAwait(false);
            }

            return (stored ?? task, false);
        }
    }

    /// <summary>One task, or null.</summary>
    public async Task<HubTask?> GetAsync(string? clientId, string taskId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(taskId);
        var row = (await _table.GetEntityIfExistsAsync<TableEntity>(Partition(clientId), StateKeys.Legal(taskId), cancellationToken: cancellationToken).ConfigureAwait(false)).ValueOrNull();
        return row is null ? null : ToTask(row);
    }

    /// <summary>A client's tasks, oldest first (the timeline API).</summary>
    public Task<IReadOnlyList<HubTask>> ListByClientAsync(string clientId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(clientId);
        return ListAsync(TableClient.CreateQueryFilter($"PartitionKey eq {Partition(clientId)}"), cancellationToken);
    }

    /// <summary>
    /// A page of open tasks, oldest first, of <paramref name="owners"/> (null: every team), optionally of one kind: one
    /// <c>$top</c>-limited key range per partition of the open index, after the continuation token
    /// <paramref name="after"/> (the last row's index key, from <see cref="OpenTaskPage.Next"/>). Each row is checked
    /// against its task; one resolved or missing is not listed and its index row is removed.
    /// </summary>
    public async Task<OpenTaskPage> ListOpenPageAsync(IReadOnlyList<string>? owners, string? kind, string? after, int size, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        IReadOnlyList<string> partitions = [.. (owners is null ? [OpenEveryTeam] : owners.Select(StateKeys.Legal).Distinct(StringComparer.Ordinal)).Select(KeyRangeQuery.Partition)];
        var where = kind is null ? null : TableClient.CreateQueryFilter($"Kind eq {kind}");
        var tasks = new List<(HubTask Task, string Key)>(size + 1);
        var examined = 0;
        while (true)
        {
            var want = size + 1 - tasks.Count;
            var rows = await KeyRangeQuery.ReadAsync(_open, partitions, after, null, where, want, cancellationToken).ConfigureAwait(false);
            var checkedRows = await Task.WhenAll(rows.Select(async row =>
            {
                var indexed = ToTask(row);
                var stored = await GetAsync(indexed.ClientId, indexed.Id, cancellationToken).ConfigureAwait(false);
                if (stored is not { Status: HubTaskStatus.Open } || OpenRowKey(stored) != row.RowKey)
                {
                    await _open.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, cancellationToken).ConfigureAwait(false);
                    return ((HubTask Task, string Key)?)null;
                }

                return (stored, row.RowKey);
            })).ConfigureAwait(false);
            tasks.AddRange(checkedRows.OfType<(HubTask Task, string Key)>());
            if (tasks.Count > size)
            {
                return new OpenTaskPage([.. tasks.Take(size).Select(t => t.Task)], tasks[size - 1].Key);
            }

            if (rows.Count < want)
            {
                return new OpenTaskPage([.. tasks.Select(t => t.Task)], null);
            }

            after = rows[^1].RowKey;
            examined += rows.Count;
            if (examined >= MaxExamined)
            {
                // Mostly stale rows (removed now): show what there is and go on from here on the next page.
                return new OpenTaskPage([.. tasks.Select(t => t.Task)], after);
            }
        }
    }

    /// <summary>
    /// Writes the open index for tasks stored before it existed (a filtered scan of <c>tasks</c>, once: a marker row
    /// records that it finished). Upserts, so running beside adds and resolutions is harmless: a row written for a task
    /// resolved meanwhile is removed by the next reader that meets it.
    /// </summary>
    /// <returns>How many open tasks were indexed (0 when the marker was there).</returns>
    public async Task<int> BackfillOpenIndexAsync(CancellationToken cancellationToken)
    {
        if ((await _open.GetEntityIfExistsAsync<TableEntity>(OpenMetaPartition, OpenBackfilledRow, cancellationToken: cancellationToken).ConfigureAwait(false)).HasValue)
        {
            return 0;
        }

        var open = await ListOpenAsync(null, cancellationToken).ConfigureAwait(false);
        await StateBatches.UpsertAsync(_open, open.SelectMany(OpenRows), _parallelism, cancellationToken).ConfigureAwait(false);
        await _open.UpsertEntityAsync(new TableEntity(OpenMetaPartition, OpenBackfilledRow), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        return open.Count;
    }

    /// <summary>Open tasks, optionally of one owner (a filtered scan of <c>tasks</c>: the backfill; lists use <see cref="ListOpenPageAsync"/>, the Today counts the open index).</summary>
    public Task<IReadOnlyList<HubTask>> ListOpenAsync(string? owner, CancellationToken cancellationToken) =>
        ListAsync(owner is null
            ? TableClient.CreateQueryFilter($"Status eq {nameof(HubTaskStatus.Open)}")
            : TableClient.CreateQueryFilter($"Status eq {nameof(HubTaskStatus.Open)} and Owner eq {owner}"), cancellationToken);

    /// <summary>Marks the task resolved (ETag-guarded); resolving again is <see cref="ChangeOutcome.AlreadyApplied"/>.</summary>
    /// <exception cref="RequestFailedException">Storage failed, or 412 after every retry.</exception>
    public async Task<ChangeOutcome> ResolveAsync(string? clientId, string taskId, string by, Instant at, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(taskId);
        ArgumentException.ThrowIfNullOrEmpty(by);
        for (var attempt = 1; ; attempt++)
        {
            var row = (await _table.GetEntityIfExistsAsync<TableEntity>(Partition(clientId), StateKeys.Legal(taskId), cancellationToken: cancellationToken).ConfigureAwait(false)).ValueOrNull();
            if (row is null)
            {
                return ChangeOutcome.NotFound;
            }

            if (row.GetString("Status") == nameof(HubTaskStatus.Resolved))
            {
                // Finish a resolution that stopped before leaving the open index.
                await StateBatches.DeleteAsync(_open, OpenKeys(ToTask(row)), _parallelism, cancellationToken).ConfigureAwait(false);
                return ChangeOutcome.AlreadyApplied;
            }

            var update = new TableEntity(row.PartitionKey, row.RowKey)
            {
                ["Status"] = nameof(HubTaskStatus.Resolved),
                ["ResolvedAt"] = StateKeys.ToStored(at),
                ["ResolvedBy"] = by,
            };
            try
            {
                await _table.UpdateEntityAsync(update, row.ETag, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
                await StateBatches.DeleteAsync(_open, OpenKeys(ToTask(row)), _parallelism, cancellationToken).ConfigureAwait(false);
                return ChangeOutcome.Applied;
            }
            catch (RequestFailedException exception) when (exception.Status == 412 && attempt < _maxRetries)
            {
                // Changed since the read: look again.
            }
        }
    }

    private async Task<IReadOnlyList<HubTask>> ListAsync(string filter, CancellationToken cancellationToken)
    {
        var tasks = new List<HubTask>();
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            tasks.Add(ToTask(row));
        }

        return [.. tasks.OrderBy(t => t.CreatedAt).ThenBy(t => t.Id, StringComparer.Ordinal)];
    }

    /// <summary>The open index's key: creation ticks and id, so a partition reads oldest first.</summary>
    private static string OpenRowKey(HubTask task) => StateKeys.Ticks(task.CreatedAt) + "_" + StateKeys.Legal(task.Id);

    private static IEnumerable<TableEntity> OpenRows(HubTask task) =>
        new[] { OpenEveryTeam, StateKeys.Legal(task.Owner) }.Select(partition =>
        {
            var row = ToEntity(task);
            row.PartitionKey = partition;
            row.RowKey = OpenRowKey(task);
            return row;
        });

    private static IEnumerable<(string PartitionKey, string RowKey)> OpenKeys(HubTask task) => OpenRows(task).Select(row => (row.PartitionKey, row.RowKey));

    private static string Partition(string? clientId) => clientId is { Length: > 0 } id ? StateKeys.Legal(id) : NoClientPartition;

    private static TableEntity ToEntity(HubTask task) => new(Partition(task.ClientId), StateKeys.Legal(task.Id))
    {
        ["TaskId"] = task.Id,
        ["Kind"] = task.Kind,
        ["Owner"] = task.Owner,
        ["ClientId"] = task.ClientId ?? string.Empty,
        ["Reason"] = task.Reason,
        ["EventId"] = task.EventId ?? string.Empty,
        ["Status"] = task.Status.ToString(),
        ["CreatedAt"] = StateKeys.ToStored(task.CreatedAt),
    };

    private static HubTask ToTask(TableEntity row)
    {
        string? Optional(string name) => row.GetString(name) is { Length: > 0 } value ? value : null;
        return new HubTask(
            row.GetString("TaskId") ?? row.RowKey,
            row.GetString("Kind") ?? string.Empty,
            row.GetString("Owner") ?? string.Empty,
            Optional("ClientId"),
            row.GetString("Reason") ?? string.Empty,
            Optional("EventId"),
            Enum.Parse<HubTaskStatus>(row.GetString("Status") ?? nameof(HubTaskStatus.Open)),
            StateKeys.FromStored(row.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.UnixEpoch),
            row.GetDateTimeOffset("ResolvedAt") is { } resolved ? StateKeys.FromStored(resolved) : null,
            Optional("ResolvedBy"));
    }
}
