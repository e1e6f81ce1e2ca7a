using Azure.Data.Tables;

namespace ContinuityOfCare.Hub.State;

/// <summary>
/// The first rows of a key range of one or more partitions (or partition ranges) of an index table, merged in RowKey
/// order: one <c>$top</c>-limited range query each (docs/state.md "Open indexes"). Rows sort by RowKey across partitions
/// because every partition of an index uses the same RowKey form, so the merged page continues from its last RowKey.
/// </summary>
internal static class KeyRangeQuery
{
    /// <summary>
    /// Up to <paramref name="take"/> rows with <paramref name="after"/> &lt; RowKey &lt; <paramref name="before"/>
    /// (either bound optional) matching <paramref name="where"/> (an OData filter, or null), lowest RowKey first, from
    /// each of <paramref name="partitions"/> (OData filters on PartitionKey: <see cref="Partition"/>, or a range whose
    /// partitions sort in RowKey order).
    /// </summary>
    public static async Task<List<TableEntity>> ReadAsync(
        TableClient table,
        IReadOnlyList<string> partitions,
        string? after,
        string? before,
        string? where,
        int take,
        CancellationToken cancellationToken)
    {
        var perPartition = await Task.WhenAll(partitions.Select(async partition =>
        {
            var filter = Filter(partition, after, before, where);
            var rows = new List<TableEntity>(take);
            await foreach (var page in table.QueryAsync<TableEntity>(filter, take, cancellationToken: cancellationToken).AsPages().ConfigureAwait(false))
            {
                rows.AddRange(page.Values);
                // A page can come back short with a continuation (the service stops at partition or time limits): go on
                // until enough rows or the range ends.
                if (rows.Count >= take || page.ContinuationToken is null)
                {
                    break;
                }
            }

            return rows;
        })).ConfigureAwait(false);

        return [.. perPartition.SelectMany(rows => rows).OrderBy(row => row.RowKey, StringComparer.Ordinal).Take(take)];
    }

    /// <summary>
    /// Every row with <paramref name="after"/> &lt; RowKey &lt; <paramref name="before"/> (either bound optional) matching
    /// <paramref name="where"/> of each of <paramref name="partitions"/>, only the <paramref name="select"/>ed properties,
    /// lowest RowKey first: for a reader that wants the last rows of a range (Table storage reads ascending only), so the
    /// caller keeps the range small.
    /// </summary>
    public static async Task<List<TableEntity>> ReadAllAsync(
        TableClient table,
        IReadOnlyList<string> partitions,
        string? after,
        string? before,
        string? where,
        IReadOnlyList<string> select,
        CancellationToken cancellationToken)
    {
        var perPartition = await Task.WhenAll(partitions.Select(async partition =>
        {
            var rows = new List<TableEntity>();
            await foreach (var row in table.QueryAsync<TableEntity>(Filter(partition, after, before, where), 1000, select, cancellationToken).ConfigureAwait(false))
            {
                rows.Add(row);
            }

            return rows;
        })).ConfigureAwait(false);

        return [.. perPartition.SelectMany(rows => rows).OrderBy(row => row.RowKey, StringComparer.Ordinal)];
    }

    private static string Filter(string partition, string? after, string? before, string? where)
    {
        var filter = partition;
        if (after is not null)
        {
            filter += " and " + TableClient.CreateQueryFilter($"RowKey gt {after}");
        }

        if (before is not null)
        {
            filter += " and " + TableClient.CreateQueryFilter($"RowKey lt {before}");
        }

        return where is null ? filter : filter + " and (" + where + ")";
    }

    /// <summary>The filter of one partition.</summary>
    public static string Partition(string partitionKey) => TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey}");

}
