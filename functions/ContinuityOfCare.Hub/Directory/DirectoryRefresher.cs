using System.Security.Cryptography;
using ContinuityOfCare.Core.Feeds;
using ContinuityOfCare.Hub.Storage;
using Microsoft.Extensions.Logging;

namespace ContinuityOfCare.Hub.Directory;

/// <summary>
/// The monthly directory refresh (docs/pipeline.md "Functions", <c>DirectoryRefresh</c>; docs/domain.md "Who is involved": refreshed monthly): the newest file in the <c>directory</c> inbox is
/// imported through <see cref="DirectoryImporter"/> unless it is already the live directory's source (same SHA-256).
/// The safety net for a drop the blob trigger missed; a file already imported is not read twice into a new version.
/// </summary>
public sealed partial class DirectoryRefresher(
    HubStorage storage,
    DirectoryStore directories,
    DirectoryImporter importer,
    ILogger<DirectoryRefresher> logger)
{
    /// <summary>Imports the newest file of the inbox when it has not been imported yet.</summary>
    /// <exception cref="Azure.RequestFailedException">Storage failed (the next run retries).</exception>
    public async Task<DirectoryRefreshResult> RefreshAsync(CancellationToken cancellationToken)
    {
        var inbox = storage.Container(InboxContainers.Directory);
        await inbox.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        Azure.Storage.Blobs.Models.BlobItem? newest = null;
        await foreach (var item in inbox.GetBlobsAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (newest is null || item.Properties.LastModified > newest.Properties.LastModified
                || (item.Properties.LastModified == newest.Properties.LastModified && string.CompareOrdinal(item.Name, newest.Name) > 0))
            {
                newest = item;
            }
        }

        if (newest is null)
        {
            LogRefresh(DirectoryRefreshResult.Empty, null);
            return new DirectoryRefreshResult(DirectoryRefreshResult.Empty, null, null);
        }

        var download = (await inbox.GetBlobClient(newest.Name).DownloadContentAsync(cancellationToken).ConfigureAwait(false)).Value;
        var content = download.Content.ToArray();

        var sha256 = Convert.ToHexStringLower(SHA256.HashData(content));
        var live = await directories.LoadLiveAsync(cancellationToken).ConfigureAwait(false);
        if (live.Live is not null && string.Equals(live.SourceSha256, sha256, StringComparison.Ordinal))
        {
            LogRefresh(DirectoryRefreshResult.AlreadyImported, live.Live.Version);
            return new DirectoryRefreshResult(DirectoryRefreshResult.AlreadyImported, newest.Name, null);
        }

        var outcome = await importer.ImportAsync(newest.Name, content, force: false, cancellationToken).ConfigureAwait(false);
        LogRefresh(DirectoryRefreshResult.Imported + ":" + outcome.Status, outcome.Version);
        return new DirectoryRefreshResult(DirectoryRefreshResult.Imported, newest.Name, outcome);
    }

    [LoggerMessage(EventId = 6301, Level = LogLevel.Information, Message = "Directory refresh: {Status} (live version {Version})")]
    private partial void LogRefresh(string status, int? version);
}
