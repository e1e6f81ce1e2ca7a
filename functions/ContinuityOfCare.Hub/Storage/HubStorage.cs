using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;

namespace ContinuityOfCare.Hub.Storage;

/// <summary>
/// The hub's storage account (<c>AzureWebJobsStorage</c>, as the Functions host resolves it): the official service
/// clients, registered once with <c>AddAzureClients</c> (<see cref="StorageServiceExtensions"/>), and the per-table,
/// per-queue and per-container clients the stores use.
/// </summary>
public class HubStorage(TableServiceClient tables, QueueServiceClient queues, BlobServiceClient blobs)
{
    /// <summary>The app setting naming the account (a connection string, or <c>__accountName</c> / <c>__*ServiceUri</c> for identity).</summary>
    public const string DefaultConnectionSetting = "AzureWebJobsStorage";

    /// <summary>The Table service.</summary>
    public TableServiceClient Tables { get; } = tables ?? throw new ArgumentNullException(nameof(tables));

    /// <summary>The Queue service (base64 messages).</summary>
    public QueueServiceClient Queues { get; } = queues ?? throw new ArgumentNullException(nameof(queues));

    /// <summary>The Blob service.</summary>
    public BlobServiceClient Blobs { get; } = blobs ?? throw new ArgumentNullException(nameof(blobs));

    /// <summary>A table client.</summary>
    public virtual TableClient Table(string name) => Tables.GetTableClient(name);

    /// <summary>A queue client.</summary>
    public virtual QueueClient Queue(string name) => Queues.GetQueueClient(name);

    /// <summary>A blob container client.</summary>
    public virtual BlobContainerClient Container(string name) => Blobs.GetBlobContainerClient(name);

    /// <summary>Clients for a connection string (tools and tests; the app registers through DI).</summary>
    /// <exception cref="FormatException">The connection string cannot be read.</exception>
    public static HubStorage ForConnectionString(string connectionString)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        var account = StorageAccount.FromConfiguration(
            new ConfigurationBuilder().AddInMemoryCollection([new(DefaultConnectionSetting, connectionString)]).Build(), DefaultConnectionSetting);
        return new HubStorage(
            account.CreateTableServiceClient(new TableClientOptions()),
            account.CreateQueueServiceClient(new QueueClientOptions()),
            account.CreateBlobServiceClient(new BlobClientOptions()));
    }
}
