using Azure;
using ContinuityOfCare.Core.Planning;
using Azure.Data.Tables;
using ContinuityOfCare.Hub.Storage;
using NodaTime;

namespace ContinuityOfCare.Hub.State;

/// <summary>
/// Tasks for people (consent missing, unroutable, insecure recipient, possible match, operator work). Partition =
/// client id (<c>_operator</c> for tasks about no client), row = task id: the client timeline is one partition query.
/// Insert-if-absent by the deterministic id; resolution is ETag-guarded.
/// </summary>
public sealed class TaskStore
{
    /// <summary>The partition of tasks about no client.</summary>
    public const string NoClientPartition = "_operator";

    private readonly TableClient _table;
    private readonly int _maxRetries;

    /// <summary>Creates the store.</summary>
    public TaskStore(StateTables tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        _table = tables.Get(TableNames.Tasks);
        _maxRetries = tables.Options.MaxConcurrencyRetries;
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
        try
        {
            await _table.AddEntityAsync(ToEntity(task), cancellationToken).ConfigureAwait(false);
            return (task, true);
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            var stored = await GetAsync(clientId, task.Id, cancellationToken).ConfigureAwait(false);
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

    /// <summary>Open tasks, optionally of one owner (a scan: tasks are few and this is an operator listing).</summary>
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
