using ContinuityOfCare.Core.Feeds;
using ContinuityOfCare.Hub.Storage;
using ContinuityOfCare.Mail.Outbox;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ContinuityOfCare.Hub.Pipeline;

/// <summary>
/// Creates what the pipeline writes to when the app starts: the mail outbox's tables (docs/email.md: "the host creates
/// them at start-up"), the stage queues and the blob containers (inboxes, processed, rejected, reports). Idempotent.
/// </summary>
public sealed class PipelineInitializer(HubStorage storage, IOptions<OutboxOptions> outbox, TimeProvider time, ILogger<PipelineInitializer> logger)
    : StorageResourceInitializer(time, logger)
{
    /// <inheritdoc />
    protected override async Task CreateAsync(CancellationToken cancellationToken)
    {
        var options = outbox.Value;
        foreach (var table in new[] { options.AlertsTable, options.DirectoryFlagsTable, options.SentByDayTable })
        {
            await storage.Table(table).CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        foreach (var queue in PipelineQueues.All)
        {
            await storage.Queue(queue).CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        foreach (var container in InboxContainers.All)
        {
            await storage.Container(container).CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }
}
