using Azure;
using ContinuityOfCare.Core.Events;
using ContinuityOfCare.Core.Inputs;
using Azure.Data.Tables;
using ContinuityOfCare.Hub.Storage;
using NodaTime;
using NodaTime.Text;

namespace ContinuityOfCare.Hub.State;

/// <summary>
/// Matched events (docs/domain.md "The journey as events"), stored once by their deterministic id (architecture.md
/// "Reliability rules": insert-if-absent, so a redelivered ingest message adds nothing). Partition = client id, row =
/// event id: a client's timeline is one partition query and a client's events of one file are one transaction.
/// </summary>
public sealed class EventStore
{
    private readonly TableClient _table;
    private readonly int _parallelism;

    /// <summary>Creates the store.</summary>
    public EventStore(StateTables tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        _table = tables.Get(TableNames.Events);
        _parallelism = tables.Options.Parallelism;
    }

    /// <summary>Stores the event unless an event with its id is stored.</summary>
    /// <returns>True when stored now; false for a duplicate (a no-op).</returns>
    /// <exception cref="RequestFailedException">Storage failed.</exception>
    public async Task<bool> TryAddAsync(CareEvent careEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(careEvent);
        try
        {
            await _table.AddEntityAsync(ToEntity(careEvent), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            return false;
        }
    }

    /// <summary>
    /// Stores every event not yet stored: one transaction per client and 100 events (a lone event: one insert); a
    /// transaction that meets a duplicate falls back to one insert-if-absent per event of that chunk.
    /// </summary>
    /// <returns>How many were stored now.</returns>
    /// <exception cref="RequestFailedException">Storage failed (safe to retry).</exception>
    public async Task<int> AddAllAsync(IEnumerable<CareEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        var added = 0;
        await StateBatches.ForEachChunkAsync(events.Select(ToEntity), _parallelism, cancellationToken, async (chunk, ct) =>
        {
            // A lone event (the usual case: one partition per client) goes as a plain insert, like the fallback below.
            if (chunk.Count > 1)
            {
                try
                {
                    await _table.SubmitTransactionAsync(chunk.Select(row => new TableTransactionAction(TableTransactionActionType.Add, row)), ct).ConfigureAwait(false);
                    Interlocked.Add(ref added, chunk.Count);
                    return;
                }
                catch (TableTransactionFailedException exception) when (exception.Status == 409)
                {
                    // One of them was stored by an earlier delivery: insert each on its own below.
                }
            }

            foreach (var row in chunk)
            {
                try
                {
                    await _table.AddEntityAsync(row, ct).ConfigureAwait(false);
                    Interlocked.Increment(ref added);
                }
                catch (RequestFailedException duplicate) when (duplicate.Status == 409)
                {
                    // Stored by an earlier delivery: nothing to do.
                }
            }
        }).ConfigureAwait(false);
        return added;
    }

    /// <summary>One event, or null.</summary>
    public async Task<CareEvent?> GetAsync(string clientId, string eventId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(clientId);
        ArgumentException.ThrowIfNullOrEmpty(eventId);
        var row = (await _table.GetEntityIfExistsAsync<TableEntity>(StateKeys.Legal(clientId), StateKeys.Legal(eventId), cancellationToken: cancellationToken).ConfigureAwait(false)).ValueOrNull();
        return row is null ? null : ToEvent(row);
    }

    /// <summary>A client's events, oldest first (the timeline API).</summary>
    public async Task<IReadOnlyList<CareEvent>> ListByClientAsync(string clientId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(clientId);
        var events = new List<CareEvent>();
        await foreach (var row in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {StateKeys.Legal(clientId)}"), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            events.Add(ToEvent(row));
        }

        return [.. events.OrderBy(e => e.OccurredAt).ThenBy(e => e.Id, StringComparer.Ordinal)];
    }

    private static TableEntity ToEntity(CareEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var row = new TableEntity(StateKeys.Legal(e.ClientId), StateKeys.Legal(e.Id))
        {
            ["EventId"] = e.Id,
            ["Kind"] = e.Kind.ToString(),
            ["ClientId"] = e.ClientId,
            ["SourceFile"] = e.Source.SourceFile,
            ["JsonPath"] = e.Source.JsonPath ?? string.Empty,
            ["OccurredAt"] = StateKeys.ToStored(e.OccurredAt),
            ["ProcessPoint"] = e.ProcessPoint,
            ["PrisonCode"] = e.PrisonCode ?? string.Empty,
            ["ToPrisonCode"] = e.ToPrisonCode ?? string.Empty,
            ["CourtCode"] = e.CourtCode ?? string.Empty,
            ["Detail"] = e.Detail ?? string.Empty,
            ["ReleaseDate"] = e.ReleaseDate is { } date ? LocalDatePattern.Iso.Format(date) : string.Empty,
            ["CourtTripId"] = e.CourtTripId ?? string.Empty,
        };
        if (e.Source.Line is { } line)
        {
            row["Line"] = line;
        }

        if (e.HearingStart is { } hearing)
        {
            row["HearingStart"] = StateKeys.ToStored(hearing);
        }

        return row;
    }

    private static CareEvent ToEvent(TableEntity row)
    {
        string? Optional(string name) => row.GetString(name) is { Length: > 0 } value ? value : null;
        Instant? Time(string name) => row.GetDateTimeOffset(name) is { } value ? StateKeys.FromStored(value) : null;
        return new CareEvent(
            row.GetString("EventId") ?? row.RowKey,
            Enum.Parse<EventKind>(row.GetString("Kind") ?? string.Empty),
            row.GetString("ClientId") ?? row.PartitionKey,
            new SourceRef(row.GetString("SourceFile") ?? string.Empty, row.GetInt32("Line"), Optional("JsonPath")),
            Time("OccurredAt") ?? throw new FormatException("A stored event has no OccurredAt."),
            row.GetString("ProcessPoint") ?? string.Empty,
            Optional("PrisonCode"),
            Optional("ToPrisonCode"),
            Optional("CourtCode"),
            Optional("Detail"),
            Time("HearingStart"),
            Optional("ReleaseDate") is { } date ? LocalDatePattern.Iso.Parse(date).GetValueOrThrow() : null,
            Optional("CourtTripId"));
    }
}
