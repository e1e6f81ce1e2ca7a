using System.Text;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Data.Tables;
using ContinuityOfCare.Hub.Storage;

namespace ContinuityOfCare.FunctionApp.Tests.Support;

/// <summary>Reads what the app wrote, straight from storage.</summary>
public static class StorageProbe
{
    /// <summary>The live directory version, or null.</summary>
    public static async Task<int?> LiveVersionAsync(string connectionString, string table)
    {
        var client = new TableClient(connectionString, table);
        await client.CreateIfNotExistsAsync();
        var pointer = (await client.GetEntityIfExistsAsync<TableEntity>("live", "pointer")).ValueOrNull();
        return pointer?.GetInt32("Version");
    }

    /// <summary>The text of the report blobs whose names end with <paramref name="suffix"/>, in name order.</summary>
    public static async Task<IReadOnlyList<string>> ReportsAsync(string connectionString, string container, string suffix)
    {
        var client = new BlobContainerClient(connectionString, container);
        await client.CreateIfNotExistsAsync();
        var names = new List<string>();
        await foreach (var blob in client.GetBlobsAsync(BlobTraits.None, BlobStates.None, "directory/", CancellationToken.None))
        {
            if (blob.Name.EndsWith(suffix, StringComparison.Ordinal))
            {
                names.Add(blob.Name);
            }
        }

        var texts = new List<string>();
        foreach (var name in names.Order(StringComparer.Ordinal))
        {
            var download = await client.GetBlobClient(name).DownloadContentAsync();
            texts.Add(Encoding.UTF8.GetString(download.Value.Content.ToMemory().Span));
        }

        return texts;
    }
}
