using ContinuityOfCare.Hub.Storage;
using Microsoft.Extensions.Logging;

namespace ContinuityOfCare.Hub.Upgrade;

/// <summary>
/// Runs at start the backfills that bring storage written by an earlier version up to what the console and the
/// missing-feed alarm read (docs/state.md "Backfills at start-up"): the feed-arrival index and possible matches'
/// owning team. Each runs once per storage account (a marker row); a bad row is counted and skipped, never stops the
/// host; while storage is unreachable, or before its tables exist, they are retried in the background.
/// </summary>
public sealed class UpgradeBackfillInitializer(
    FeedArrivalBackfill feedArrivals,
    PossibleMatchOwnerBackfill possibleMatchOwners,
    TimeProvider time,
    ILogger<UpgradeBackfillInitializer> logger)
    : StorageResourceInitializer(time, logger)
{
    /// <inheritdoc />
    protected override async Task CreateAsync(CancellationToken cancellationToken)
    {
        await feedArrivals.RunAsync(cancellationToken).ConfigureAwait(false);
        await possibleMatchOwners.RunAsync(cancellationToken).ConfigureAwait(false);
    }
}
