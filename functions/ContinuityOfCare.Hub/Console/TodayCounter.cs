using System.Globalization;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using ContinuityOfCare.Core.Obligations;
using ContinuityOfCare.Core.Time;
using ContinuityOfCare.Hub.State;
using ContinuityOfCare.Hub.Storage;
using NodaTime;
using NodaTime.Text;

namespace ContinuityOfCare.Hub.Console;

/// <summary>
/// The Today page's figures (docs/console.md "Today counts"): per team, not-yet-closed obligations overdue and due
/// later in the London day, and open tasks by kind — counted from the open indexes only and stored as one row of
/// <c>todaycounts</c> (docs/state.md), so the page reads one row instead of counting thousands on every request.
/// Table storage has no server-side count, so a count reads every row it counts: each owner partition of
/// <c>obligationsopen</c> up to the end of today (a key range, two columns) and the every-team partition of
/// <c>tasksopen</c> (two columns) — no obligation or task is read, and no table is scanned. The timer
/// <c>TodayRecount</c> counts every <see cref="RecountEvery"/>; the page counts itself when the stored figures are
/// missing, of another day or older than <see cref="StaleAfter"/> (the timer is not running).
/// </summary>
/// <remarks>
/// The counts are of the index rows: a row left behind by a change that stopped half-way (the list pages repair such
/// rows when they meet them) is counted until it is repaired. Teams are the owner partitions' keys: org codes are
/// letters and digits, which a key keeps as they are.
/// </remarks>
public sealed class TodayCounter
{
    /// <summary>How often the timer counts again (its schedule, <c>0 */5 * * * *</c>, says the same).</summary>
    public static readonly Duration RecountEvery = Duration.FromMinutes(5);

    /// <summary>Stored figures older than two intervals mean the timer is not running: the page counts itself.</summary>
    public static readonly Duration StaleAfter = RecountEvery * 2;

    private const string Partition = "today";
    private const string Row = "counts";
    // A string property holds at most 64 KiB (32K UTF-16 characters); the row itself 1 MiB, so up to 15 parts.
    private const int PartLength = 30_000;
    private const int MaxParts = 15;
    // A clock a little ahead elsewhere must not make every request count again.
    private static readonly Duration ClockSkew = Duration.FromMinutes(1);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly TableClient _counts;
    private readonly TableClient _obligations;
    private readonly TableClient _tasks;
    private readonly IClock _clock;
    private readonly int _parallelism;
    private readonly SemaphoreSlim _counting = new(1, 1);

    /// <summary>Creates the counter.</summary>
    public TodayCounter(StateTables tables, IClock clock)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(clock);
        _counts = tables.Get(TableNames.TodayCounts);
        _obligations = tables.Get(TableNames.ObligationsOpen);
        _tasks = tables.Get(TableNames.TasksOpen);
        _clock = clock;
        _parallelism = tables.Options.Parallelism;
    }

    /// <summary>
    /// The stored figures when they are current (this London day, at most <see cref="StaleAfter"/> old); else counts
    /// now and stores the result. Requests arriving while a count runs wait for it instead of counting again.
    /// </summary>
    /// <exception cref="RequestFailedException">Storage failed.</exception>
    public async Task<TodayCounts> ReadAsync(CancellationToken cancellationToken)
    {
        if (await ReadStoredAsync(cancellationToken).ConfigureAwait(false) is { } stored && IsCurrent(stored, _clock.GetCurrentInstant()))
        {
            return stored;
        }

        await _counting.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Another request may have counted while this one waited.
            if (await ReadStoredAsync(cancellationToken).ConfigureAwait(false) is { } counted && IsCurrent(counted, _clock.GetCurrentInstant()))
            {
                return counted;
            }

            return await CountAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _counting.Release();
        }
    }

    /// <summary>True when <paramref name="counts"/> may be shown at <paramref name="now"/>: same London day, not too old.</summary>
    public static bool IsCurrent(TodayCounts counts, Instant now)
    {
        ArgumentNullException.ThrowIfNull(counts);
        return counts.Day == LondonTime.ToLocal(now).Date
            && now - counts.CountedAt <= StaleAfter
            && counts.CountedAt - now <= ClockSkew;
    }

    /// <summary>Counts every team's figures now and stores them (unless figures counted later are already stored).</summary>
    /// <exception cref="RequestFailedException">Storage failed.</exception>
    public async Task<TodayCounts> CountAsync(CancellationToken cancellationToken)
    {
        var now = _clock.GetCurrentInstant();
        var today = LondonTime.ToLocal(now).Date;
        var endOfToday = LondonTime.ToInstant(today.PlusDays(1).AtMidnight());
        var dueBy = StateKeys.Ticks(endOfToday);
        // Each team is counted as soon as it is found, while the next one is looked for.
        using var slots = new SemaphoreSlim(_parallelism);
        var counting = new List<Task<TeamDueCount>>();
        try
        {
            await foreach (var team in TeamsWithRowsDueByAsync(dueBy, cancellationToken).ConfigureAwait(false))
            {
                await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
                counting.Add(CountReleasingAsync(team));
            }
        }
        finally
        {
            // Every count started finishes before the semaphore is disposed (a failed search still lets them end).
            await Task.WhenAll(counting.Select(t => t.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default))).ConfigureAwait(false);
        }

        async Task<TeamDueCount> CountReleasingAsync(string team)
        {
            try
            {
                return await CountTeamAsync(team, now, endOfToday, dueBy, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                slots.Release();
            }
        }

        var obligations = (await Task.WhenAll(counting).ConfigureAwait(false)).Where(t => t.Overdue + t.DueLaterToday > 0).ToList();

        var counts = new TodayCounts(now, today, [.. obligations.OrderBy(t => t.Team, StringComparer.Ordinal)], await CountTasksAsync(cancellationToken).ConfigureAwait(false));
        await StoreAsync(counts, cancellationToken).ConfigureAwait(false);
        return counts;
    }

    /// <summary>
    /// The owner partitions of the open index holding a row due before <paramref name="dueBy"/> (ticks), found by
    /// seeking: one <c>$top=1</c> query for the first row of the next partition after the last team found (a key seek,
    /// not a filter the service must test row by row). Every partition outside the bookkeeping ones, whose keys all
    /// start with <c>_</c> (<c>_all</c> + day, <c>_meta</c>): org codes are letters and digits, so they sort below
    /// <c>_</c> or from <c>`</c>. A partition's first row is its earliest due, so a team whose first row is due at or
    /// after <paramref name="dueBy"/> has nothing to count (0 and 0) and is passed over without reading its rows.
    /// </summary>
    private async IAsyncEnumerable<string> TeamsWithRowsDueByAsync(string dueBy, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var (from, to) in new (string? From, string? To)[] { (null, "_"), ("`", null) })
        {
            string? last = null;
            while (true)
            {
                var clauses = new List<string>();
                if (last is not null)
                {
                    clauses.Add(TableClient.CreateQueryFilter($"PartitionKey gt {last}"));
                }
                else if (from is not null)
                {
                    clauses.Add(TableClient.CreateQueryFilter($"PartitionKey ge {from}"));
                }

                if (to is not null)
                {
                    clauses.Add(TableClient.CreateQueryFilter($"PartitionKey lt {to}"));
                }

                if (await FirstRowAsync(string.Join(" and ", clauses), cancellationToken).ConfigureAwait(false) is not { } first)
                {
                    break;
                }

                if (string.CompareOrdinal(first.RowKey, dueBy) < 0)
                {
                    yield return first.PartitionKey;
                }

                last = first.PartitionKey;
            }
        }
    }

    private async Task<(string PartitionKey, string RowKey)?> FirstRowAsync(string filter, CancellationToken cancellationToken)
    {
        await foreach (var page in _obligations.QueryAsync<TableEntity>(filter.Length == 0 ? null : filter, 1, ["PartitionKey", "RowKey"], cancellationToken).AsPages().ConfigureAwait(false))
        {
            // A page can come back empty with a continuation (the service stops at partition or time limits): go on.
            if (page.Values.Count > 0)
            {
                return (page.Values[0].PartitionKey, page.Values[0].RowKey);
            }

            if (page.ContinuationToken is null)
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>One team's rows due before the end of today: one key range of its partition, due and state only.</summary>
    private async Task<TeamDueCount> CountTeamAsync(string team, Instant now, Instant endOfToday, string dueBy, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {team} and RowKey lt {dueBy}");
        int overdue = 0, dueLater = 0;
        await foreach (var row in _obligations.QueryAsync<TableEntity>(filter, 1000, ["Due", "State"], cancellationToken).ConfigureAwait(false))
        {
            if (!Enum.TryParse<ObligationState>(row.GetString("State"), out var state) || !ObligationListFilter.NotClosed.Contains(state)
                || row.GetDateTimeOffset("Due") is not { } stored)
            {
                continue;
            }

            var due = StateKeys.FromStored(stored);
            if (ObligationListFilter.IsOverdue(state, due, now))
            {
                overdue++;
            }
            else if (due < endOfToday)
            {
                dueLater++;
            }
        }

        return new TeamDueCount(team, overdue, dueLater);
    }

    /// <summary>Open tasks by team and kind: the every-team partition of the open task index, owner and kind only.</summary>
    private async Task<IReadOnlyList<TeamTaskCount>> CountTasksAsync(CancellationToken cancellationToken)
    {
        var counts = new Dictionary<(string Team, string Kind), int>();
        var filter = KeyRangeQuery.Partition(TaskStore.OpenEveryTeam);
        await foreach (var row in _tasks.QueryAsync<TableEntity>(filter, 1000, ["Owner", "Kind"], cancellationToken).ConfigureAwait(false))
        {
            var key = (row.GetString("Owner") ?? "", row.GetString("Kind") ?? "");
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }

        return [.. counts.OrderBy(c => c.Key.Team, StringComparer.Ordinal).ThenBy(c => c.Key.Kind, StringComparer.Ordinal)
            .Select(c => new TeamTaskCount(c.Key.Team, c.Key.Kind, c.Value))];
    }

    private async Task<TodayCounts?> ReadStoredAsync(CancellationToken cancellationToken)
    {
        var row = (await _counts.GetEntityIfExistsAsync<TableEntity>(Partition, Row, cancellationToken: cancellationToken).ConfigureAwait(false)).ValueOrNull();
        return row is null ? null : FromEntity(row);
    }

    /// <summary>
    /// Writes the figures unless figures counted later are stored (a slow count must not replace a newer one):
    /// ETag-guarded, looked at again when another write came first.
    /// </summary>
    private async Task StoreAsync(TodayCounts counts, CancellationToken cancellationToken)
    {
        var entity = ToEntity(counts);
        for (var attempt = 1; ; attempt++)
        {
            var existing = (await _counts.GetEntityIfExistsAsync<TableEntity>(Partition, Row, ["CountedAt"], cancellationToken).ConfigureAwait(false)).ValueOrNull();
            if (existing?.GetDateTimeOffset("CountedAt") is { } other && StateKeys.FromStored(other) > counts.CountedAt)
            {
                return;
            }

            try
            {
                if (existing is null)
                {
                    await _counts.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await _counts.UpdateEntityAsync(entity, existing.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                }

                return;
            }
            catch (RequestFailedException exception) when (exception.Status is 409 or 412)
            {
                // Another count stored first: compare with it; after three such races leave the storing to the next
                // count (these figures are still shown to the request that counted them).
                if (attempt >= 3)
                {
                    return;
                }
            }
        }
    }

    private static TableEntity ToEntity(TodayCounts counts)
    {
        var json = JsonSerializer.Serialize(new StoredCounts(counts.Obligations, counts.Tasks), Json);
        var parts = (json.Length + PartLength - 1) / PartLength;
        if (parts > MaxParts)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"The Today counts ({counts.Obligations.Count} teams with obligations, {counts.Tasks.Count} team and task kind pairs) do not fit one table row."));
        }

        var entity = new TableEntity(Partition, Row)
        {
            ["CountedAt"] = StateKeys.ToStored(counts.CountedAt),
            ["Day"] = LocalDatePattern.Iso.Format(counts.Day),
            ["Parts"] = parts,
        };
        for (var i = 0; i < parts; i++)
        {
            entity["Part" + i.ToString(CultureInfo.InvariantCulture)] = json.Substring(i * PartLength, Math.Min(PartLength, json.Length - (i * PartLength)));
        }

        return entity;
    }

    private static TodayCounts? FromEntity(TableEntity row)
    {
        var day = LocalDatePattern.Iso.Parse(row.GetString("Day") ?? "");
        if (row.GetDateTimeOffset("CountedAt") is not { } countedAt || !day.Success || row.GetInt32("Parts") is not { } parts)
        {
            // Not a row this version wrote: count again.
            return null;
        }

        var json = new StringBuilder();
        for (var i = 0; i < parts; i++)
        {
            json.Append(row.GetString("Part" + i.ToString(CultureInfo.InvariantCulture)));
        }

        try
        {
            var stored = JsonSerializer.Deserialize<StoredCounts>(json.ToString(), Json);
            return stored?.Obligations is null || stored.Tasks is null ? null : new TodayCounts(StateKeys.FromStored(countedAt), day.Value, stored.Obligations, stored.Tasks);
        }
        catch (JsonException)
        {
            // Unreadable (cut short, or another shape): counting again replaces it.
            return null;
        }
    }

    private sealed record StoredCounts(IReadOnlyList<TeamDueCount> Obligations, IReadOnlyList<TeamTaskCount> Tasks);
}
