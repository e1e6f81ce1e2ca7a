using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Queues;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ContinuityOfCare.Hub.Storage;

/// <summary>Registers the storage account's official clients (<c>Microsoft.Extensions.Azure</c>) and <see cref="HubStorage"/>.</summary>
public static class StorageServiceExtensions
{
    /// <summary>
    /// Adds the Table, Queue and Blob service clients for <see cref="HubStorage.DefaultConnectionSetting"/> (connection
    /// string or identity-based settings, <see cref="StorageAccount"/>) with <c>AddAzureClients</c>, and
    /// <see cref="HubStorage"/>. The setting is read from the registered <see cref="IConfiguration"/> when a client is
    /// first needed; a missing setting fails there with a message naming the setting. Adding twice adds once.
    /// </summary>
    public static IServiceCollection AddHubStorage(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(s => s.ServiceType == typeof(HubStorage)))
        {
            return services;
        }

        services.TryAddSingleton(provider => StorageAccount.FromConfiguration(provider.GetRequiredService<IConfiguration>(), HubStorage.DefaultConnectionSetting));
        services.AddAzureClients(clients =>
        {
            clients.AddClient<TableServiceClient, TableClientOptions>((options, _, provider) =>
                provider.GetRequiredService<StorageAccount>().CreateTableServiceClient(options));
            clients.AddClient<QueueServiceClient, QueueClientOptions>((options, _, provider) =>
                provider.GetRequiredService<StorageAccount>().CreateQueueServiceClient(options));
            clients.AddClient<BlobServiceClient, BlobClientOptions>((options, _, provider) =>
                provider.GetRequiredService<StorageAccount>().CreateBlobServiceClient(options));
        });
        services.TryAddSingleton<HubStorage>();
        return services;
    }
}
