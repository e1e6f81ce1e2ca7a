using ContinuityOfCare.Storage.Blobs;
using ContinuityOfCare.Storage.Queues;
using ContinuityOfCare.Storage.Tables;
using Microsoft.Extensions.Configuration;

namespace ContinuityOfCare.FunctionApp.Storage;

/// <summary>
/// Creates storage clients for the account named by an app setting (a binding's <c>connection</c>, default
/// <c>AzureWebJobsStorage</c>), as the Functions host resolves connections. The setting is read when a client is
/// first needed, so custom handler mode starts without storage configured.
/// </summary>
public class HubStorage(IConfiguration configuration)
{
    /// <summary>The app setting used when a binding names none.</summary>
    public const string DefaultConnectionSetting = "AzureWebJobsStorage";

    /// <summary>A table client.</summary>
    /// <exception cref="InvalidOperationException">The connection setting is missing.</exception>
    public virtual TableClient Table(string name, string? connectionSetting = null) => new(ConnectionString(connectionSetting), name);

    /// <summary>A queue client (base64 message encoding, the Functions host's default).</summary>
    /// <exception cref="InvalidOperationException">The connection setting is missing.</exception>
    public virtual QueueClient Queue(string name, string? connectionSetting = null) => new(ConnectionString(connectionSetting), name);

    /// <summary>A blob container client.</summary>
    /// <exception cref="InvalidOperationException">The connection setting is missing.</exception>
    public virtual BlobContainerClient Container(string name, string? connectionSetting = null) => new(ConnectionString(connectionSetting), name);

    private string ConnectionString(string? setting)
    {
        var name = string.IsNullOrWhiteSpace(setting) ? DefaultConnectionSetting : setting;
        return configuration[name] is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"the storage connection setting {name} is not configured");
    }
}
