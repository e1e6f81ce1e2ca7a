using ContinuityOfCare.Core.Feeds;
using ContinuityOfCare.Core.Planning;
using ContinuityOfCare.Hub.Directory;
using ContinuityOfCare.Hub.Pipeline.Messages;
using ContinuityOfCare.Hub.State;
using ContinuityOfCare.Hub.Storage;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace ContinuityOfCare.Hub.Pipeline;

/// <summary>
/// The route step (docs/pipeline.md "Route"): plans one ingested feed file as a whole with the core's planner against the
/// current client register and SPOC directory version, then persists the plan's effects idempotently
/// (<see cref="PlanEffects"/>: events, Alert Forms into the outbox (Pending), obligations (and closures), tasks, a
/// deadline check per obligation), holds its possible matches, and writes the routing report. The plan's "now" is when the file was claimed, so a
/// redelivered message plans exactly the same effects; every write is insert-if-absent by a deterministic id.
/// </summary>
public sealed partial class FileRouter(
    HubStorage storage,
    HubState state,
    RegisterCache registerCache,
    DirectoryStore directories,
    CalendarProvider calendars,
    PlanEffects effects,
    PlanOptions planOptions,
    IClock clock,
    ILogger<FileRouter> logger)
{
    /// <summary>Routes the file named by <paramref name="message"/>.</summary>
    /// <exception cref="InvalidOperationException">No SPOC directory has been imported yet (retried until one is), or the processed file is missing.</exception>
    public async Task<RouteOutcome> RouteAsync(RouteMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var content = await ReadProcessedAsync(storage, message.ProcessedBlobName, cancellationToken).ConfigureAwait(false);
        var ingested = await state.IngestedFiles.GetAsync(message.Sha256, cancellationToken).ConfigureAwait(false);
        var planNow = ingested?.ClaimedAt ?? clock.GetCurrentInstant();
        var directory = (await directories.LoadLiveAsync(cancellationToken).ConfigureAwait(false)).Live
            ?? throw new InvalidOperationException("No SPOC directory has been imported yet: routing waits for one (the message is retried).");
        var index = await registerCache.GetAsync(cancellationToken).ConfigureAwait(false);
        var calendar = await calendars.GetAsync(cancellationToken).ConfigureAwait(false);

        // The same per-file computation `coc plan` shows (docs/plan.md "One file at a time").
        var (_, plan) = await FeedFilePlanner.PlanAsync(message.Container, message.FileName, message.Sha256, content, message.CourtCode,
            directory, index, calendar, planNow, planOptions, cancellationToken).ConfigureAwait(false);

        var persisted = await effects.PersistAsync(plan, planNow, cancellationToken).ConfigureAwait(false);

        var payload = PipelineJson.Serialize(message);
        // Each hold is insert-if-absent by its own deterministic id, independent of the others: State:Parallelism at once.
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, state.Tables.Options.Parallelism), CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(plan.PossibleMatches, parallel, async (possible, ct) =>
            await state.PossibleMatches.HoldAsync(message.Sha256, possible.Source, possible.ClientId, possible.Reason, payload, planNow, ct, possible.Weight, possible.OwningTeam)
                .ConfigureAwait(false)).ConfigureAwait(false);

        await WriteReportAsync(message, plan, cancellationToken).ConfigureAwait(false);
        LogRouted(message.Sha256, plan.Events.Count, plan.Alerts.Count, persisted.ObligationsOpened, plan.Tasks.Count, plan.PossibleMatches.Count);
        return new RouteOutcome(plan, persisted.AlertIds);
    }

    /// <summary>The bytes of an ingested file kept in the <c>processed</c> container.</summary>
    internal static async Task<ReadOnlyMemory<byte>> ReadProcessedAsync(HubStorage storage, string blobName, CancellationToken cancellationToken)
    {
        var blob = storage.Container(InboxContainers.Processed).GetBlobClient(blobName);
        var download = (await blob.DownloadContentAsync(cancellationToken).ConfigureAwait(false)).Value;
        return download.Content.ToArray();
    }

    private async Task WriteReportAsync(RouteMessage message, Plan plan, CancellationToken cancellationToken)
    {
        var reports = storage.Container(InboxContainers.Reports);
        await reports.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        using var stream = new MemoryStream(RouteReport.ToUtf8Json(message.Container, message.FileName, message.Sha256, plan), writable: false);
        await reports.GetBlobClient(PipelineBlobs.RouteReport(message.Sha256)).UploadAsync(stream, overwrite: true, cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(EventId = 6101, Level = LogLevel.Information,
        Message = "Routed file {Sha256}: {Events} events, {Alerts} alerts, {Obligations} obligations, {Tasks} tasks, {PossibleMatches} possible matches")]
    private partial void LogRouted(string sha256, int events, int alerts, int obligations, int tasks, int possibleMatches);
}
