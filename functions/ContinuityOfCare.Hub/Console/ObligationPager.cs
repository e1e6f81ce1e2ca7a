using Azure.Data.Tables;
using ContinuityOfCare.Core.Obligations;
using ContinuityOfCare.Hub.State;
using Microsoft.Extensions.Options;
using NodaTime;

namespace ContinuityOfCare.Hub.Console;

/// <summary>
/// One page of the Obligations list, read by index and never by scanning the obligations table (docs/console.md
/// "How lists are read"). Not-yet-closed obligations come from the open index (<c>obligationsopen</c>), in due order
/// either way, paged by continuation token (the last row's key): earliest due first, a page is one <c>$top</c>-limited
/// key range of the every-team partitions or of each of the user's teams' partitions after the token; latest due first,
/// the keys of a key range below the token (the every-team partitions a growing window at a time), of which the last are
/// the page. Only the page's rows are point-read from <c>obligations</c>, to show the truth: a row the index has wrong
/// (left by a close or escalation that stopped between its writes) is not shown and is repaired. Closed obligations are
/// read from the closed index (<see cref="ClosedObligationPager"/>).
/// </summary>
public sealed class ObligationPager(StateTables tables, ObligationStore obligations, IOptions<ConsoleOptions> options, IClock clock, OpenIndexEnd openIndexEnd)
{
    /// <summary>
    /// The most index rows one page request checks against their obligations (point reads) to fill a page; the service
    /// filters state and rule, so only rows the index has wrong are passed over, and past this many the page shows what
    /// it found — a token-paged list goes on from there on Next, a list paged by number says so — so rows left wrong by
    /// many interrupted changes cannot make one slow page.
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

    /// <summary>
    /// Latest due first, the first key range an every-team page reads ends at the token's due instant (or now, for a
    /// past-due status; or just after the latest obligation) and is this long; each further range is four times longer.
    /// The whole range's keys are read (Table storage reads ascending only, so its last rows are the page), so it starts
    /// short: in a working region an hour holds a page or more.
    /// </summary>
    private static readonly Duration FirstBackWindow = Duration.FromHours(1);
    private const int BackWindows = 10;

    /// <summary>No window starts later than this (a token can name any instant; the windows stay within the calendar).</summary>
    private static readonly Instant LastWindowStart = Instant.FromUtc(9000, 1, 1, 0, 0);

    /// <summary>No backward window starts earlier than this: the range below it is read as the last one.</summary>
    private static readonly Instant FirstWindowStart = Instant.FromUtc(1000, 1, 1, 0, 0);

    /// <summary>The properties a backward read needs of each key: enough to point-read and check the row.</summary>
    private static readonly string[] KeyProperties = ["PartitionKey", "RowKey", "ObligationId", "State"];

    private readonly TableClient _open = tables.Get(TableNames.ObligationsOpen);
    private readonly ClosedObligationPager _closed = new(tables, obligations);

    /// <summary>The page of <paramref name="filter"/> among <paramref name="owners"/> (null: every owner).</summary>
    public async Task<ObligationListPage> ReadAsync(ObligationListFilter filter, IReadOnlyList<string>? owners, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var size = options.Value.PageSize;
        if (filter.InClosedIndex)
        {
            return await _closed.ReadAsync(filter, owners, size, (filter.Page - 1) * size, cancellationToken).ConfigureAwait(false);
        }

        // Every status stands for open states only or closed states only (ObligationListFilter.Statuses; a test checks).
        return filter.Descending
            ? await ReadOpenBackwardAsync(filter, owners, size, cancellationToken).ConfigureAwait(false)
            : await ReadOpenAsync(filter, owners, size, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A page of not-yet-closed obligations, earliest due first, from the open index: key ranges after the token's key
    /// (and, for past-due statuses, before now) with the status and rule filtered by the service, until the page and one
    /// more row are found. Each row is checked against its obligation; a wrong row is skipped and repaired.
    /// </summary>
    private async Task<ObligationListPage> ReadOpenAsync(ObligationListFilter filter, IReadOnlyList<string>? owners, int size, CancellationToken cancellationToken)
    {
        var teams = TeamPartitions(owners);
        var now = clock.GetCurrentInstant();
        var end = filter.PastDueOnly ? StateKeys.Ticks(now) : null;
        var where = filter.IndexRowFilter();
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
            rows.AddRange(read.Where(r => r.Stored is { } s && filter.Matches(s.Obligation)).Select(r => (r.Stored!, r.Key)));
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
    /// A page of not-yet-closed obligations, latest due first, from the open index: the keys of a key range ending at the
    /// token's key (and, for past-due statuses, at now), status and rule filtered by the service, are read and the last
    /// checked from the end, until the page and one more row are found. Table storage reads ascending only, so the
    /// every-team partitions are read a window at a time going back (a team's partition, a few thousand rows, in one go).
    /// </summary>
    private async Task<ObligationListPage> ReadOpenBackwardAsync(ObligationListFilter filter, IReadOnlyList<string>? owners, int size, CancellationToken cancellationToken)
    {
        var teams = TeamPartitions(owners);
        var now = clock.GetCurrentInstant();
        var where = filter.IndexRowFilter();
        // A token whose due instant cannot be read is ignored (page 1), as the forward reader reads it from now.
        var before = filter.After is { } token && KeyInstant(token) != Instant.MinValue ? token : null;
        if (filter.PastDueOnly && (before is null || string.CompareOrdinal(StateKeys.Ticks(now), before) < 0))
        {
            before = StateKeys.Ticks(now);
        }

        // Every team's first page (no end): the last day's rows to the end of the index, then back from there.
        var toEnd = teams is null && before is null;
        var rows = new List<(StoredObligation Obligation, string Key)>(size + 1);
        var window = FirstBackWindow;
        var examined = 0;
        for (var round = 0; ; round++)
        {
            string? from = null;
            if (toEnd && round == 0)
            {
                if (openIndexEnd.Above is not { } above)
                {
                    above = await AboveLatestAsync(now, cancellationToken).ConfigureAwait(false);
                    openIndexEnd.Seen(above);
                }

                from = StateKeys.Ticks(above - Duration.FromDays(1));
            }
            else if (teams is null && round < BackWindows)
            {
                var anchor = before is null ? LastWindowStart : KeyInstant(before);
                from = anchor - FirstWindowStart > window ? StateKeys.Ticks(anchor - window) : null;
                window *= 4;
            }

            var keys = await KeyRangeQuery.ReadAllAsync(_open, teams ?? [EveryTeamDays(from, before)], from, before, where, KeyProperties, cancellationToken).ConfigureAwait(false);
            if (toEnd && round == 0 && where is null)
            {
                // Every row from here to the end was read: the last is the latest (none: the rows ended earlier).
                openIndexEnd.Seen(keys.Count == 0 ? null : DayAfter(KeyInstant(keys[^1].RowKey)));
            }

            for (var upTo = keys.Count; upTo > 0 && rows.Count <= size; )
            {
                var take = Math.Min(size + 1 - rows.Count, upTo);
                var read = await Task.WhenAll(keys.Skip(upTo - take).Take(take).Reverse().Select(row => CheckAsync(row, cancellationToken))).ConfigureAwait(false);
                upTo -= take;
                examined += take;
                rows.AddRange(read.Where(r => r.Stored is { } s && filter.Matches(s.Obligation)).Select(r => (r.Stored!, r.Key)));
                if (examined >= MaxExamined && rows.Count <= size)
                {
                    // Mostly wrong index rows (repaired now): show what there is and continue from here on the next page.
                    return new ObligationListPage([.. rows.Select(r => r.Obligation)], HasNext: true, NeedsTeam: false, Next: keys[upTo].RowKey);
                }
            }

            if (rows.Count > size)
            {
                return new ObligationListPage([.. rows.Take(size).Select(r => r.Obligation)], HasNext: true, NeedsTeam: false, Next: rows[size - 1].Key);
            }

            if (from is null)
            {
                return new ObligationListPage([.. rows.Select(r => r.Obligation)], HasNext: false, NeedsTeam: false);
            }

            before = from;
        }
    }

    /// <summary>
    /// The start of the UTC day after the latest every-team row (or of today, when none is due from today on), for the
    /// first page of a latest-first list when <see cref="OpenIndexEnd"/> does not know it: whether any row lies at or
    /// after an instant is a one-row query, so the day is found by going out from today a growing number of days and then
    /// halving the gap (a dozen one-row queries for obligations due within years).
    /// </summary>
    private async Task<Instant> AboveLatestAsync(Instant now, CancellationToken cancellationToken)
    {
        var today = now.InUtc().Date.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant();
        var low = today;
        var high = today;
        for (var days = 1L; await AnyFromAsync(high).ConfigureAwait(false); days *= 4)
        {
            low = high;
            high = today + Duration.FromDays(days);
            if (high >= LastWindowStart)
            {
                // Rows due past the last window start (not a real due instant) are read from there to the end.
                high = LastWindowStart + Duration.FromDays(1);
                if (await AnyFromAsync(LastWindowStart).ConfigureAwait(false))
                {
                    return high;
                }

                break;
            }
        }

        while (high - low > Duration.FromDays(1))
        {
            var middle = low + Duration.FromDays(Math.Floor((high - low).TotalDays / 2));
            if (await AnyFromAsync(middle).ConfigureAwait(false))
            {
                low = middle;
            }
            else
            {
                high = middle;
            }
        }

        return high;

        async Task<bool> AnyFromAsync(Instant from)
        {
            var key = StateKeys.Ticks(from);
            return (await KeyRangeQuery.ReadAsync(_open, [EveryTeamDays(key, null)], key, null, null, 1, cancellationToken).ConfigureAwait(false)).Count > 0;
        }
    }

    private static Instant DayAfter(Instant instant) =>
        instant >= LastWindowStart ? LastWindowStart + Duration.FromDays(1) : instant.InUtc().Date.PlusDays(1).AtStartOfDayInZone(DateTimeZone.Utc).ToInstant();

    /// <summary>The open index's partitions of <paramref name="owners"/> (null: every team, read by day range).</summary>
    private static IReadOnlyList<string>? TeamPartitions(IReadOnlyList<string>? owners) =>
        owners is null ? null : [.. owners.Select(ObligationEntity.OpenOwnerPartition).Distinct(StringComparer.Ordinal).Select(KeyRangeQuery.Partition)];

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

    private static Instant KeyInstant(string rowKey) =>
        long.TryParse(rowKey.AsSpan(0, Math.Min(19, rowKey.Length)), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var ticks)
            && ticks >= DateTimeOffset.MinValue.UtcTicks && ticks <= DateTimeOffset.MaxValue.UtcTicks
            ? Instant.FromDateTimeOffset(new DateTimeOffset(ticks, TimeSpan.Zero))
            : Instant.MinValue;

    private static Instant Max(Instant a, Instant b) => a > b ? a : b;
}
