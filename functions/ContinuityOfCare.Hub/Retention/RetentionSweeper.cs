using ContinuityOfCare.Hub.Pipeline;
using ContinuityOfCare.Hub.Storage;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace ContinuityOfCare.Hub.Retention;

/// <summary>
/// Deletes raw input files once their retention period has passed (docs/domain.md "Consent and data minimisation": keep
/// nothing about people who are not clients beyond counts; raw files for a configurable period, default 30 days).
/// The bank-holiday file in force (<see cref="PipelineBlobs.CurrentCalendar"/>) is configuration, not a raw file, and
/// is never deleted. Reports are de-personalised and are not touched.
/// </summary>
public sealed partial class RetentionSweeper(
    HubStorage storage,
    IClock clock,
    IOptions<RetentionOptions> options,
    ILogger<RetentionSweeper> logger)
{
    /// <summary>Deletes every blob in the configured containers last modified before now − the retention period.</summary>
    public async Task<RetentionResult> SweepAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var cutOff = (clock.GetCurrentInstant() - Duration.FromTimeSpan(settings.RawFiles)).ToDateTimeOffset();
        int examined = 0, deleted = 0, kept = 0;
        foreach (var name in settings.Containers)
        {
            var container = storage.Container(name);
            await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            await foreach (var blob in container.GetBlobsAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                examined++;
                var isCurrentCalendar = name == Core.Feeds.InboxContainers.Processed && blob.Name == PipelineBlobs.CurrentCalendar;
                if (isCurrentCalendar || blob.Properties.LastModified >= cutOff)
                {
                    kept++;
                    continue;
                }

                // If-Match: a blob rewritten since it was listed is younger than it looked; leave it for the next sweep.
                var conditions = new BlobRequestConditions { IfMatch = blob.Properties.ETag };
                try
                {
                    var removed = await container.GetBlobClient(blob.Name).DeleteIfExistsAsync(DeleteSnapshotsOption.None, conditions, cancellationToken).ConfigureAwait(false);
                    if (removed.Value)
                    {
                        deleted++;
                    }
                }
                catch (Azure.RequestFailedException ex) when (ex.Status == 412)
                {
                    kept++;
                }
            }
        }

        LogSwept(logger, examined, deleted, kept, settings.RawFiles.TotalDays);
        return new RetentionResult(examined, deleted, kept);
    }

    [LoggerMessage(EventId = 7001, Level = LogLevel.Information,
        Message = "Retention sweep: {Examined} raw files examined, {Deleted} deleted, {Kept} kept (retention {Days} days)")]
    private static partial void LogSwept(ILogger logger, int examined, int deleted, int kept, double days);
}
