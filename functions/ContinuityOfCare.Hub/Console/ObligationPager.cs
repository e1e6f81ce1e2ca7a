using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using ContinuityOfCare.Hub.State;
using Microsoft.Extensions.Options;

namespace ContinuityOfCare.Hub.Console;

/// <summary>
/// One page of the Obligations list, read by index and never by scanning the obligations table (docs/console.md
/// "How lists are read"): a team's obligations come from its partition of <c>obligationsowner</c>; every team's
/// not-yet-closed obligations from <c>obligationsdue</c>, whose keys are in due order, so an earliest-first page stops
/// reading as soon as it is full. Only the rows of the page (and, for a state or rule filter, the rows looked at to fill
/// it) are point-read from <c>obligations</c> for their state.
/// </summary>
public sealed class ObligationPager(StateTables tables, ObligationStore obligations, IOptions<ConsoleOptions> options, NodaTime.IClock clock)
{
    private const int ReadChunk = 50;

    /// <summary>
    /// The most obligations one page request point-reads to fill a page under a state or rule filter; beyond it the
    /// page says to narrow the filter (a team), so a rare state among many obligations cannot make a slow page.
    /// </summary>
    public const int MaxExamined = 1_000;
    private readonly TableClient _byOwner = tables.Get(TableNames.ObligationsByOwner);
    private readonly TableClient _byDue = tables.Get(TableNames.ObligationsByDue);

    /// <summary>The page of <paramref name="filter"/> among <paramref name="owners"/> (null: every owner).</summary>
    public async Task<ObligationListPage> ReadAsync(ObligationListFilter filter, IReadOnlyList<string>? owners, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var size = options.Value.PageSize;
        var skip = (filter.Page - 1) * size;
        if (owners is null && !filter.InDueIndex)
        {
            return new ObligationListPage([], HasNext: false, NeedsTeam: true);
        }

        // Overdue and escalated obligations are past due: in the due index (keys in due order) they all lie before now.
        var pastDueOnly = filter.States.All(s => s is Core.Obligations.ObligationState.Overdue or Core.Obligations.ObligationState.EscalatedLevel1
            or Core.Obligations.ObligationState.EscalatedLevel2 or Core.Obligations.ObligationState.EscalatedLevel3);
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
