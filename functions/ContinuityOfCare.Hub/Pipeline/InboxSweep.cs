using ContinuityOfCare.Core.Feeds;
using ContinuityOfCare.Hub.Pipeline.Messages;
using ContinuityOfCare.Hub.Storage;

namespace ContinuityOfCare.Hub.Pipeline;

/// <summary>
/// The scheduled ingestion's listing: every file waiting in an inbox (the directory inbox excepted: its blob trigger
/// imports it) becomes one ingest message. A file already ingested is recognised by its SHA-256 at the ingest step,
/// so a sweep that meets a file the blob trigger also saw is harmless.
/// </summary>
public sealed class InboxSweep(HubStorage storage)
{
    /// <summary>The ingest messages for the files waiting now.</summary>
    /// <exception cref="Azure.RequestFailedException">Storage failed (the timer runs again at its next occurrence).</exception>
    public async Task<IReadOnlyList<IngestMessage>> ListWaitingAsync(CancellationToken cancellationToken)
    {
        var listing = new List<InboxScanEntry>();
        foreach (var inbox in InboxContainers.Inboxes.Where(i => i != InboxContainers.Directory))
        {
            var container = storage.Container(inbox);
            await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            await foreach (var blob in container.GetBlobsAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                listing.Add(new InboxScanEntry(inbox, blob.Name, null, blob.Properties.ETag.ToString()));
            }
        }

        var plan = InboxScan.Plan(listing, new HashSet<string>(StringComparer.Ordinal));
        return [.. plan.ToEnqueue.Select(entry => new IngestMessage(entry.Container, entry.Name))];
    }
}
