using System.Collections.Concurrent;
using ContinuityOfCare.Hub.Storage;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace ContinuityOfCare.Hub.State;

/// <summary>
/// The table clients of the state stores, one per table (created on first use and reused, so each table keeps one
/// pipeline), named <see cref="StateOptions.TablePrefix"/> + a <see cref="TableNames"/> constant.
/// </summary>
public class StateTables(HubStorage storage, IOptions<StateOptions> options)
{
    private readonly ConcurrentDictionary<string, TableClient> _clients = new(StringComparer.Ordinal);

    /// <summary>The options the stores share.</summary>
    public StateOptions Options => options.Value;

    /// <summary>The client for one of <see cref="TableNames"/>.</summary>
    /// <exception cref="InvalidOperationException">The storage connection setting is missing.</exception>
    public virtual TableClient Get(string baseName)
    {
        ArgumentException.ThrowIfNullOrEmpty(baseName);
        return _clients.GetOrAdd(baseName, name => storage.Table(options.Value.TablePrefix + name));
    }

    /// <summary>Creates every state table that does not exist yet.</summary>
    /// <exception cref="Azure.RequestFailedException">Storage refused.</exception>
    public virtual async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        foreach (var name in TableNames.All)
        {
            await Get(name).CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }
}
