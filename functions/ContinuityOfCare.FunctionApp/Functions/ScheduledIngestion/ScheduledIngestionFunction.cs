using ContinuityOfCare.Core.Feeds;
using ContinuityOfCare.FunctionApp.Invocation;
using ContinuityOfCare.FunctionApp.Pipeline.Messages;
using ContinuityOfCare.FunctionApp.Storage;

namespace ContinuityOfCare.FunctionApp.Functions.ScheduledIngestion;

/// <summary>
/// <c>ScheduledIngestion</c> (timer, default <c>0 0 7 * * *</c>: 07:00 Europe/London in winter and summer, since both
/// hosts evaluate schedules in <c>WEBSITE_TIME_ZONE</c>): scans the inboxes and enqueues each file found once, in the
/// core's order (reference data first; <see cref="InboxScan"/>). Files leave the inbox when ingested, so whatever is
/// there is new or unfinished; the ingest step de-duplicates by SHA-256. The directory inbox is left to its own
/// import function.
/// </summary>
public sealed class ScheduledIngestionFunction(HubStorage storage) : IHubFunction
{
    /// <summary>The function name.</summary>
    public const string Name = "ScheduledIngestion";

    /// <summary>The queue output binding.</summary>
    public const string IngestOutput = "ingest";

    /// <inheritdoc />
    public async Task InvokeAsync(FunctionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
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
        foreach (var entry in plan.ToEnqueue)
        {
            context.AddQueueMessage(IngestOutput, PipelineJson.Serialize(new IngestMessage(entry.Container, entry.Name)));
        }
    }
}
