using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using ContinuityOfCare.Core.Obligations;
using ContinuityOfCare.Hub.State;
using Microsoft.Extensions.Options;
using NodaTime;

namespace ContinuityOfCare.Hub.Console;

/// <summary>
/// One page of the Obligations list, read by index and never by scanning the obligations table (docs/console.md
/// "How lists are read"). Not-yet-closed obligations, earliest due first, come from the open index
/// (<c>obligationsopen</c>): a page is one <c>$top</c>-limited key range of the every-team partition or of each of the
/// user's teams' partitions, continued from the last row's key (the page's continuation token). Only the page's rows
/// are point-read from <c>obligations</c>, to show the truth: a row the index has wrong (left by a close or escalation
/// that stopped between its writes) is not shown and is repaired. Closed obligations are read from the closed index
/// (<see cref="ClosedObligationPager"/>); latest-due-first lists by page number.
/// </summary>
public sealed class ObligationPager(StateTables tables, ObligationStore obligations, IOptions<ConsoleOptions> options, IClock clock)
{
    private const int ReadChunk = 50;

    /// <summary>
    /// The most obligations one page request point-reads to fill a page under a state or rule filter; beyond it the
    /// page says to narrow the filter (a team), so a rare state among many obligations cannot make a slow page.
    /// </summary>
    public const int MaxExamined = 1_000;

    /// <summary>
    /// The first key range an every-team page asks for ends this long after the later of now and the token's due
    /// instant; each further range is four times longer. Everything due before it is in the first range (overdue
    /// obligations are few in a working region), so the service orders only a few days' rows to find a page even where
    /// it sorts every row of a range (Azurite does).
    /// </summary>
    private static readonly Duration FirstWindow = Duration.FromDays(1);
    private const int Windows = 6;

    /// <summary>No window starts later than this (a token can name any instant; the windows stay within the calendar).</summary>
    private static readonly Instant LastWindowStart = Instant.FromUtc(9000, 1, 1, 0, 0);

    private readonly TableClient _byOwner = tables.Get(TableNames.ObligationsByOwner);
    private readonly TableClient _byDue = tables.Get(TableNames.ObligationsByDue);
    private readonly TableClient _open = tables.Get(TableNames.ObligationsOpen);
    private readonly ClosedObligationPager _closed = new(tables, obligations);

    /// <summary>The page of <paramref name="filter"/> among <paramref name="owners"/> (null: every owner).</summary>
    public async Task<ObligationListPage> ReadAsync(ObligationListFilter filter, IReadOnlyList<string>? owners, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var size = options.Value.PageSize;
        var skip = (filter.Page - 1) * size;
        if (filter.InClosedIndex)
        {
            return await _closed.ReadAsync(filter, owners, size, skip, cancellationToken).ConfigureAwait(false);
        }

        if (filter.ByToken)
        {
            return await ReadOpenAsync(filter, owners, size, cancellationToken).ConfigureAwait(false);
        }

        if (filter.InOpenIndex && owners is not null)
        {
            return await ReadOpenLatestFirstAsync(filter, owners, size, skip, cancellationToken).ConfigureAwait(false);
        }

        if (owners is null && !filter.InDueIndex)
        {
            return new ObligationListPage([], HasNext: false, NeedsTeam: true);
        }

        // Past-due lists: in the due index (keys in due order) they all lie before now.
        var pastDueOnly = filter.PastDueOnly;
        var now = clock.GetCurrentInstant().ToDateTimeOffset();
        IAsyncEnumerable<(string Id, DateTimeOffset Due)> candidates;
        if (owners is null && !filter.Descending)
        {
            candidates = DueIndexAsync(cancellationToken).TakeWhile(c => !pastDueOnly || c.Due < now);
        }
        else
        {
            var all = new List<(string Id, DateTimeOffset Due)>();
            var source = owners is null ? DueIndexAsync(cancellationToken) : OwnersAsync(owners, cancellationToken);
            await foreach (var candidate in source.ConfigureAwait(false))
            {
                if (!pastDueOnly || candidate.Due < now)
                {
                    all.Add(candidate);
                }
            }

            var ordered = filter.Descending
                ? all.OrderByDescending(c => c.Due).ThenByDescending(c => c.Id, StringComparer.Ordinal)
                : all.OrderBy(c => c.Due).ThenBy(c => c.Id, StringComparer.Ordinal);
            candidates = ordered.ToAsyncEnumerable();
        }

        var rows = new List<StoredObligation>(size + 1);
        var matched = 0;
        var examined = 0;
        var skipUnread = owners is null && filter.Rule is null && filter.Status == "active";
        var skipRead = skipUnread ? 0 : skip;
        var chunk = new List<string>(ReadChunk);
        var truncated = false;
        var skipped = 0;
        await foreach (var (id, _) in candidates.ConfigureAwait(false))
        {
            // "Not yet fulfilled" from the due index, no rule: every row is a match (a row left by a close that stopped
            // half-way is the rare exception), so the rows before the page are counted without a point read.
            if (skipUnread && skipped < skip)
            {
                skipped++;
                continue;
            }

            chunk.Add(id);
            if (chunk.Count == ReadChunk && await ConsumeAsync(chunk).ConfigureAwait(false))
            {
                break;
            }

            if (examined >= MaxExamined)
            {
                truncated = true;
                break;
            }
        }

        if (!truncated && rows.Count <= size && chunk.Count > 0)
        {
            await ConsumeAsync(chunk).ConfigureAwait(false);
        }

        return new ObligationListPage([.. rows.Take(size)], rows.Count > size, NeedsTeam: false, Truncated: truncated);

        // Point-reads a chunk in parallel, keeps it in candidate order; true once the page and one more row are found.
        async Task<bool> ConsumeAsync(List<string> ids)
        {
            var read = await Task.WhenAll(ids.Select(id => obligations.GetAsync(id, cancellationToken))).ConfigureAwait(false);
            examined += ids.Count;
            ids.Clear();
            foreach (var stored in read)
            {
                if (stored is null || !filter.States.Contains(stored.Obligation.State) || (filter.Rule is { } rule && stored.Obligation.RuleId != rule))
                {
                    continue;
                }

                if (matched++ >= skipRead)
                {
                    rows.Add(stored);
                    if (rows.Count > size)
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }

    /// <summary>
    /// A page of not-yet-closed obligations, earliest due first, from the open index: key ranges after the token's key
    /// (and, for past-due statuses, before now) with the status and rule filtered by the service, until the page and one
    /// more row are found. Each row is checked against its obligation; a wrong row is skipped and repaired.
    /// </summary>
    private async Task<ObligationListPage> ReadOpenAsync(ObligationListFilter filter, IReadOnlyList<string>? owners, int size, CancellationToken cancellationToken)
    {
        IReadOnlyList<string>? teams = owners is null ? null : [.. owners.Select(StateKeys.Legal).Distinct(StringComparer.Ordinal).Select(KeyRangeQuery.Partition)];
        var now = clock.GetCurrentInstant();
        var end = filter.PastDueOnly ? StateKeys.Ticks(now) : null;
        var where = OpenWhere(filter);
        var rows = new List<(StoredObligation Obligation, string Key)>(size + 1);
        var after = filter.After;
        var window = FirstWindow;
        var examined = 0;
        for (var round = 0; ; round++)
        {
            // The every-team partition is read a window at a time; a team's partition (a few thousand rows) in one go.
            var before = end;
            var from = Max(now, after is null ? now : KeyInstant(after));
            if (owners is null && round < Windows && from < LastWindowStart)
            {
                var windowEnd = StateKeys.Ticks(from + window);
                before = end is null || string.CompareOrdinal(windowEnd, end) < 0 ? windowEnd : end;
                window *= 4;
            }

            var want = size + 1 - rows.Count;
            var found = await KeyRangeQuery.ReadAsync(_open, teams ?? [EveryTeamDays(after, before)], after, before, where, want, cancellationToken).ConfigureAwait(false);
            var read = await Task.WhenAll(found.Select(row => CheckAsync(row, cancellationToken))).ConfigureAwait(false);
            examined += found.Count;
            rows.AddRange(read.Where(r => r.Stored is { } s && Matches(filter, s)).Select(r => (r.Stored!, r.Key)));
            if (rows.Count > size)
            {
                return new ObligationListPage([.. rows.Take(size).Select(r => r.Obligation)], HasNext: true, NeedsTeam: false, Next: rows[size - 1].Key);
            }

            if (found.Count < want)
            {
                // Nothing more before this range's end: done when it was the end, else go on from there.
                if (before == end)
                {
                    return new ObligationListPage([.. rows.Select(r => r.Obligation)], HasNext: false, NeedsTeam: false);
                }

                after = before;
            }
            else
            {
                after = found[^1].RowKey;
            }

            if (examined >= MaxExamined)
            {
                // Mostly wrong index rows (repaired now): show what there is and continue from here on the next page.
                return new ObligationListPage([.. rows.Select(r => r.Obligation)], HasNext: true, NeedsTeam: false, Next: after);
            }
        }
    }

    /// <summary>
    /// A page of a team's not-yet-closed obligations, latest due first: the keys of the team's open-index partitions
    /// (status and rule filtered by the service; a team's partition is a few thousand rows), reversed, then point reads
    /// from the page's place until it and one more row are found. Table storage reads a partition in ascending key
    /// order only, so this list is paged by number.
    /// </summary>
    private async Task<ObligationListPage> ReadOpenLatestFirstAsync(ObligationListFilter filter, IReadOnlyList<string> owners, int size, int skip, CancellationToken cancellationToken)
    {
        var where = OpenWhere(filter);
        if (filter.PastDueOnly)
        {
            var past = TableClient.CreateQueryFilter($"RowKey lt {StateKeys.Ticks(clock.GetCurrentInstant())}");
            where = where is null ? past : where + " and " + past;
        }

        var keys = new List<TableEntity>();
        foreach (var owner in owners.Select(StateKeys.Legal).Distinct(StringComparer.Ordinal))
        {
            var filterText = KeyRangeQuery.Partition(owner) + (where is null ? "" : " and (" + where + ")");
            await foreach (var row in _open.QueryAsync<TableEntity>(filterText, 1000, ["PartitionKey", "RowKey", "ObligationId", "State"], cancellationToken).ConfigureAwait(false))
            {
                keys.Add(row);
            }
        }

        var candidates = keys.OrderByDescending(row => row.RowKey, StringComparer.Ordinal).Skip(skip).ToList();
        var rows = new List<StoredObligation>(size + 1);
        for (var start = 0; start < candidates.Count && rows.Count <= size && start < MaxExamined; start += size + 1)
        {
            var read = await Task.WhenAll(candidates.Skip(start).Take(size + 1).Select(row => CheckAsync(row, cancellationToken))).ConfigureAwait(false);
            rows.AddRange(read.Where(r => r.Stored is { } s && Matches(filter, s)).Select(r => r.Stored!));
        }

        return new ObligationListPage([.. rows.Take(size)], rows.Count > size, NeedsTeam: false);
    }

    /// <summary>Point-reads the obligation an open-index row names; a row that does not show it as it is gets repaired.</summary>
    private async Task<(StoredObligation? Stored, string Key)> CheckAsync(TableEntity row, CancellationToken cancellationToken)
    {
        var stored = await obligations.GetAsync(row.GetString("ObligationId") ?? row.RowKey, cancellationToken).ConfigureAwait(false);
        var current = stored is not null && !stored.Obligation.IsClosed && ObligationEntity.DueRowKey(stored.Obligation) == row.RowKey;
        if (!current || stored!.Obligation.State.ToString() != row.GetString("State"))
        {
            await obligations.RepairOpenIndexRowAsync(row.PartitionKey, row.RowKey, stored, cancellationToken).ConfigureAwait(false);
        }

        // A state the index had wrong is shown as it is (the filter is applied to the truth); a closed one not at all.
        return (current ? stored : null, row.RowKey);
    }

    /// <summary>The every-team partitions (UTC due days) that hold the row keys between the bounds.</summary>
    private static string EveryTeamDays(string? after, string? before)
    {
        var from = after is null ? ObligationEntity.OpenEveryTeam : ObligationEntity.OpenEveryTeamPartition(KeyInstant(after));
        var to = before is null ? ObligationEntity.OpenEveryTeamEnd : ObligationEntity.OpenEveryTeamPartition(KeyInstant(before)) + "~";
        return TableClient.CreateQueryFilter($"PartitionKey ge {from} and PartitionKey lt {to}");
    }

    private static bool Matches(ObligationListFilter filter, StoredObligation stored) =>
        !stored.Obligation.IsClosed && filter.States.Contains(stored.Obligation.State) && (filter.Rule is not { } rule || stored.Obligation.RuleId == rule);

    /// <summary>The service-side filter on the open index's copies of state and rule (null: none needed).</summary>
    private static string? OpenWhere(ObligationListFilter filter)
    {
        var clauses = new List<string>();
        if (!ObligationListFilter.NotClosed.All(filter.States.Contains))
        {
            clauses.Add("(" + string.Join(" or ", filter.States.Order().Select(state => TableClient.CreateQueryFilter($"State eq {state.ToString()}"))) + ")");
        }

        if (filter.Rule is { } rule)
        {
            clauses.Add(TableClient.CreateQueryFilter($"RuleId eq {rule}"));
        }

        return clauses.Count == 0 ? null : string.Join(" and ", clauses);
    }

    private static Instant KeyInstant(string rowKey) =>
        long.TryParse(rowKey.AsSpan(0, Math.Min(19, rowKey.Length)), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var ticks)
            && ticks >= DateTimeOffset.MinValue.UtcTicks && ticks <= DateTimeOffset.MaxValue.UtcTicks
            ? Instant.FromDateTimeOffset(new DateTimeOffset(ticks, TimeSpan.Zero))
            : Instant.MinValue;

    private static Instant Max(Instant a, Instant b) => a > b ? a : b;

    private async IAsyncEnumerable<(string Id, DateTimeOffset Due)> DueIndexAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var row in _byDue.QueryAsync<TableEntity>(filter: (string?)null, 1000, ["ObligationId", "Due"], cancellationToken).ConfigureAwait(false))
        {
            yield return (row.GetString("ObligationId") ?? string.Empty, row.GetDateTimeOffset("Due") ?? DateTimeOffset.UnixEpoch);
        }
    }

    private async IAsyncEnumerable<(string Id, DateTimeOffset Due)> OwnersAsync(IReadOnlyList<string> owners, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var owner in owners)
        {
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {StateKeys.Legal(owner)}");
            await foreach (var row in _byOwner.QueryAsync<TableEntity>(filter, 1000, ["ObligationId", "Due"], cancellationToken).ConfigureAwait(false))
            {
                yield return (row.GetString("ObligationId") ?? string.Empty, row.GetDateTimeOffset("Due") ?? DateTimeOffset.UnixEpoch);
            }
        }
    }
}
