using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ContinuityOfCare.Hub.State;

/// <summary>Creates every state table when the app starts (unless <see cref="StateOptions.CreateTablesAtStartup"/> is off).</summary>
public sealed class HubStateInitializer(StateTables tables, IOptions<StateOptions> options) : IHostedService
{
    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken) =>
        options.Value.CreateTablesAtStartup ? tables.EnsureCreatedAsync(cancellationToken) : Task.CompletedTask;

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
