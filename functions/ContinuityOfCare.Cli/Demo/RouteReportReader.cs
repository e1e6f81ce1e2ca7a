using System.Text.Json;
using Azure;
using ContinuityOfCare.Core.Feeds;
using ContinuityOfCare.Hub.Pipeline;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace ContinuityOfCare.Cli.Demo;

/// <summary>Reads the pipeline's per-file reports back from the <c>reports</c> container.</summary>
internal static class RouteReportReader
{
    /// <summary>The routing report of a file, or null when it has none (not a feed, rejected, or not routed yet).</summary>
    public static Task<JsonDocument?> TryReadAsync(string connection, string sha256, CancellationToken cancellationToken) =>
        TryReadBlobAsync(connection, PipelineBlobs.RouteReport(sha256), cancellationToken);

    /// <summary>The ingestion report of a file, or null.</summary>
    public static Task<JsonDocument?> TryReadIngestAsync(string connection, string container, string sha256, CancellationToken cancellationToken) =>
        TryReadBlobAsync(connection, PipelineBlobs.IngestReport(container, sha256), cancellationToken);

    private static async Task<JsonDocument?> TryReadBlobAsync(string connection, string name, CancellationToken cancellationToken)
    {
        var blob = new BlobContainerClient(connection, InboxContainers.Reports).GetBlobClient(name);
        try
        {
            var download = (await blob.DownloadContentAsync(cancellationToken).ConfigureAwait(false)).Value;
            return JsonDocument.Parse(download.Content.ToMemory());
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            return null;
        }
    }
}
