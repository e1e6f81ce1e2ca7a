using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using NodaTime;

namespace ContinuityOfCare.Hub.State;

/// <summary>
/// The append-only audit trail. Partition = UTC day of the entry (<c>yyyyMMdd</c>), row = the entry's id: a day or
/// a range of days is a partition-range query. Append is insert-only (never upsert or update, and the store has no
/// delete), so an entry cannot be rewritten; appending the same id on the same day again is a no-op.
/// </summary>
public sealed class AuditStore
{
    private readonly TableClient _table;

    /// <summary>Creates the store.</summary>
    public AuditStore(StateTables tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        _table = tables.Get(TableNames.Audit);
    }

    /// <summary>Appends the entry.</summary>
    /// <returns>True when written now; false when this id was already recorded that day.</returns>
    /// <exception cref="RequestFailedException">Storage failed.</exception>
    public async Task<bool> AppendAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentException.ThrowIfNullOrEmpty(entry.Id);
        ArgumentException.ThrowIfNullOrEmpty(entry.Actor);
        ArgumentException.ThrowIfNullOrEmpty(entry.Action);
        ArgumentException.ThrowIfNullOrEmpty(entry.TargetType);
        ArgumentException.ThrowIfNullOrEmpty(entry.TargetId);
        var row = new TableEntity(StateKeys.Day(entry.At), StateKeys.Legal(entry.Id))
        {
            ["EntryId"] = entry.Id,
            ["At"] = StateKeys.ToStored(entry.At),
            ["Actor"] = entry.Actor,
            ["Action"] = entry.Action,
            ["TargetType"] = entry.TargetType,
            ["TargetId"] = entry.TargetId,
            ["Detail"] = entry.Detail ?? string.Empty,
        };
        try
        {
            await _table.AddEntityAsync(row, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            return false;
        }
    }

    /// <summary>Entries with <paramref name="from"/> ≤ At &lt; <paramref name="to"/>, day by day (unordered within a day).</summary>
    public async IAsyncEnumerable<AuditEntry> ReadAsync(Instant from, Instant to, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {StateKeys.Day(from)} and PartitionKey le {StateKeys.Day(to)}");
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, 1000, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var at = StateKeys.FromStored(row.GetDateTimeOffset("At") ?? DateTimeOffset.UnixEpoch);
            if (at >= from && at < to)
            {
                yield return new AuditEntry(
                    row.GetString("EntryId") ?? row.RowKey,
                    at,
                    row.GetString("Actor") ?? string.Empty,
                    row.GetString("Action") ?? string.Empty,
                    row.GetString("TargetType") ?? string.Empty,
                    row.GetString("TargetId") ?? string.Empty,
                    row.GetString("Detail") is { Length: > 0 } detail ? detail : null);
            }
        }
    }
}
