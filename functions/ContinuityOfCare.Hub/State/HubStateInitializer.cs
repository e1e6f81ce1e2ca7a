using ContinuityOfCare.Hub.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ContinuityOfCare.Hub.State;

/// <summary>Creates every state table at start (<see cref="StateOptions.CreateTablesAtStartup"/>), retried while storage is unreachable.</summary>
public sealed class HubStateInitializer(StateTables tables, IOptions<StateOptions> options, TimeProvider time, ILogger<HubStateInitializer> logger)
    : StorageResourceInitializer(time, logger)
{
    /// <inheritdoc />
    protected override Task CreateAsync(CancellationToken cancellationToken) =>
        options.Value.CreateTablesAtStartup ? tables.EnsureCreatedAsync(cancellationToken) : Task.CompletedTask;
}
