using ContinuityOfCare.Hub.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ContinuityOfCare.Hub.State;

/// <summary>
/// Creates every state table at start (<see cref="StateOptions.CreateTablesAtStartup"/>), then writes the open indexes
/// for obligations and tasks, and the closed index for obligations, stored by a version without them (once per storage account: each backfill leaves a marker
/// row; docs/state.md "Open indexes"). Retried while storage is unreachable.
/// </summary>
public sealed partial class HubStateInitializer(
    StateTables tables,
    ObligationStore obligations,
    TaskStore tasks,
    IOptions<StateOptions> options,
    TimeProvider time,
    ILogger<HubStateInitializer> logger)
    : StorageResourceInitializer(time, logger)
{
    /// <inheritdoc />
    protected override async Task CreateAsync(CancellationToken cancellationToken)
    {
        if (options.Value.CreateTablesAtStartup)
        {
            await tables.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        }

        var openObligations = await obligations.BackfillOpenIndexAsync(cancellationToken).ConfigureAwait(false);
        var openTasks = await tasks.BackfillOpenIndexAsync(cancellationToken).ConfigureAwait(false);
        if (openObligations + openTasks > 0)
        {
            LogBackfilled(openObligations, openTasks);
        }

        var closedObligations = await obligations.BackfillClosedIndexAsync(cancellationToken).ConfigureAwait(false);
        if (closedObligations > 0)
        {
            LogClosedBackfilled(closedObligations);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Open indexes written for storage from an earlier version: {Obligations} obligations, {Tasks} tasks")]
    private partial void LogBackfilled(int obligations, int tasks);

    [LoggerMessage(Level = LogLevel.Information, Message = "Closed-obligation index written for storage from an earlier version: {Obligations} obligations")]
    private partial void LogClosedBackfilled(int obligations);
}
