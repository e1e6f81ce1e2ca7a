using Azure.Data.Tables;
using ContinuityOfCare.Hub.State;

namespace ContinuityOfCare.Hub.Console;

/// <summary>
/// One page of a closed-status Obligations list (fulfilled, closed), read from the closed index
/// (<c>obligationsclosed</c>: one row per closed obligation in its owner's partition, due order; docs/console.md "How
/// lists are read"), never from the obligations table. Earliest due first is one <c>$top</c>-limited key range of each
/// of the teams' partitions after the continuation token; latest due first reads the teams' closed keys (a projection,
/// status and rule filtered by the service) and pages by number. Only the page's rows are point-read, to show the
/// truth; a row naming an obligation that is gone, not closed, or keyed otherwise is skipped and repaired.
/// Every team's closed list needs a team: the index has no every-team partition (see docs/console.md).
/// </summary>
internal sealed class ClosedObligationPager(StateTables tables, ObligationStore obligations)
{
    private readonly TableClient _closed = tables.Get(TableNames.ObligationsClosed);

    /// <summary>The page of <paramref name="filter"/> (closed states only) among <paramref name="owners"/> (null: every owner).</summary>
    public async Task<ObligationListPage> ReadAsync(ObligationListFilter filter, IReadOnlyList<string>? owners, int size, int skip, CancellationToken cancellationToken)
    {
        if (owners is null)
        {
            return new ObligationListPage([], HasNext: false, NeedsTeam: true);
        }

        var teams = owners.Select(StateKeys.Legal).Distinct(StringComparer.Ordinal).ToList();
        return filter.Descending
            ? await ReadLatestFirstAsync(filter, teams, size, skip, cancellationToken).ConfigureAwait(false)
            : await ReadEarliestFirstAsync(filter, teams, size, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Key ranges after the token's key of each team's partition, until the page and one more row are found (or
    /// <see cref="ObligationPager.MaxExamined"/> rows were looked at: the next page continues from there).
    /// </summary>
    private async Task<ObligationListPage> ReadEarliestFirstAsync(ObligationListFilter filter, List<string> teams, int size, CancellationToken cancellationToken)
    {
        var partitions = teams.Select(KeyRangeQuery.Partition).ToList();
        var where = filter.IndexRowFilter();
        var rows = new List<(StoredObligation Obligation, string Key)>(size + 1);
        var after = filter.After;
        var examined = 0;
        while (true)
        {
            var want = size + 1 - rows.Count;
            var found = await KeyRangeQuery.ReadAsync(_closed, partitions, after, null, where, want, cancellationToken).ConfigureAwait(false);
            var read = await Task.WhenAll(found.Select(row => CheckAsync(row, cancellationToken))).ConfigureAwait(false);
            examined += found.Count;
            rows.AddRange(read.Where(r => r.Stored is { } s && filter.Matches(s.Obligation)).Select(r => (r.Stored!, r.Key)));
            if (rows.Count > size)
            {
                return new ObligationListPage([.. rows.Take(size).Select(r => r.Obligation)], HasNext: true, NeedsTeam: false, Next: rows[size - 1].Key);
            }

            if (found.Count < want)
            {
                return new ObligationListPage([.. rows.Select(r => r.Obligation)], HasNext: false, NeedsTeam: false);
            }

            after = found[^1].RowKey;
            if (examined >= ObligationPager.MaxExamined)
            {
                // Mostly wrong rows (repaired now): show what there is and continue from here on the next page.
                return new ObligationListPage([.. rows.Select(r => r.Obligation)], HasNext: true, NeedsTeam: false, Next: after);
            }
        }
    }

    /// <summary>
    /// The teams' closed keys (status and rule filtered by the service), reversed, then point reads from the page's place
    /// until it and one more row are found. Table storage reads a partition in ascending key order only, so this list is
    /// paged by number.
    /// </summary>
    private async Task<ObligationListPage> ReadLatestFirstAsync(ObligationListFilter filter, List<string> teams, int size, int skip, CancellationToken cancellationToken)
    {
        var where = filter.IndexRowFilter();
        var keys = new List<TableEntity>();
        foreach (var team in teams)
        {
            var filterText = KeyRangeQuery.Partition(team) + (where is null ? "" : " and (" + where + ")");
            await foreach (var row in _closed.QueryAsync<TableEntity>(filterText, 1000, ["PartitionKey", "RowKey", "ObligationId"], cancellationToken).ConfigureAwait(false))
            {
                keys.Add(row);
            }
        }

        var candidates = keys.OrderByDescending(row => row.RowKey, StringComparer.Ordinal).Skip(skip).ToList();
        var rows = new List<StoredObligation>(size + 1);
        var start = 0;
        for (; start < candidates.Count && rows.Count <= size && start < ObligationPager.MaxExamined; start += size + 1)
        {
            var read = await Task.WhenAll(candidates.Skip(start).Take(size + 1).Select(row => CheckAsync(row, cancellationToken))).ConfigureAwait(false);
            rows.AddRange(read.Where(r => r.Stored is { } s && filter.Matches(s.Obligation)).Select(r => r.Stored!));
        }

        // Stopped at the limit with the page not full and keys left (mostly wrong rows, repaired now): say so rather
        // than end the list there.
        var truncated = rows.Count <= size && start < candidates.Count;
        return new ObligationListPage([.. rows.Take(size)], rows.Count > size, NeedsTeam: false, Truncated: truncated);
    }

    /// <summary>Point-reads the obligation a closed-index row names; a row that does not show it as it is gets repaired.</summary>
    private async Task<(StoredObligation? Stored, string Key)> CheckAsync(TableEntity row, CancellationToken cancellationToken)
    {
        var stored = await obligations.GetAsync(row.GetString("ObligationId") ?? row.RowKey, cancellationToken).ConfigureAwait(false);
        var current = stored is { Obligation.IsClosed: true } && ObligationEntity.DueRowKey(stored.Obligation) == row.RowKey
            && StateKeys.Legal(stored.Obligation.OwnerOrganisationId) == row.PartitionKey;
        if (!current || (row.GetString("State") is { } state && stored!.Obligation.State.ToString() != state))
        {
            await obligations.RepairClosedIndexRowAsync(row.PartitionKey, row.RowKey, stored, cancellationToken).ConfigureAwait(false);
        }

        return (current ? stored : null, row.RowKey);
    }
}
