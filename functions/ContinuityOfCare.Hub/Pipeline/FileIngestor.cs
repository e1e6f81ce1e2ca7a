using System.Security.Cryptography;
using Azure;
using ContinuityOfCare.Core.Clients;
using ContinuityOfCare.Core.Feeds;
using ContinuityOfCare.Core.Inputs;
using ContinuityOfCare.Hub.Pipeline.Messages;
using ContinuityOfCare.Hub.State;
using ContinuityOfCare.Hub.Storage;
using ContinuityOfCare.Ingestion.BankHolidays;
using ContinuityOfCare.Ingestion.Clients;
using ContinuityOfCare.Ingestion.Common;
using ContinuityOfCare.Core.Time;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace ContinuityOfCare.Hub.Pipeline;

/// <summary>
/// The ingest step (docs/pipeline.md "Ingest"): reads an inbox file, claims it by SHA-256 (the same bytes are ingested once,
/// under any name), parses it, writes its per-file report (blob + the ingested-files summary row), and moves it to
/// <c>processed/</c> or <c>rejected/</c>. Feed files (court lists, results, discharge exports) are then routed as a
/// whole by the route step; client register files are upserted by <c>client_id</c>; bank-holiday files replace the
/// calendar when they reach further. Every step is idempotent, so a redelivered message is harmless.
/// </summary>
public sealed partial class FileIngestor(
    HubStorage storage,
    IngestedFileStore files,
    FeedArrivalStore arrivals,
    ClientRegisterStore register,
    RegisterCache registerCache,
    HubState state,
    CalendarProvider calendar,
    IClock clock,
    IOptions<PipelineOptions> options,
    ILogger<FileIngestor> logger)
{
    /// <summary>Ingests the file named by <paramref name="message"/>.</summary>
    /// <exception cref="RequestFailedException">Storage failed (the message is retried).</exception>
    public async Task<IngestOutcome> IngestAsync(IngestMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!InboxContainers.Inboxes.Contains(message.Container) || message.Container == InboxContainers.Directory)
        {
            // The directory has its own import function (DirectoryImport); anything else is not an inbox.
            LogNotIngested(message.Container);
            return new IngestOutcome(null, null, null, false);
        }

        var inbox = storage.Container(message.Container).GetBlobClient(message.BlobName);
        if (await TryReadAsync(inbox, cancellationToken).ConfigureAwait(false) is not var (content, etag, metadata))
        {
            return await ResumeMovedAsync(message, cancellationToken).ConfigureAwait(false);
        }

        var sha256 = Convert.ToHexStringLower(SHA256.HashData(content));
        var now = clock.GetCurrentInstant();
        var claim = await files.TryClaimAsync(sha256, message.BlobName, message.Container, now, cancellationToken).ConfigureAwait(false);
        if (claim.AlreadyIngested)
        {
            // formats.md: the same file twice is processed once. The copy is filed beside the first and nothing else happens.
            await MoveAsync(inbox, etag, content, metadata, claim.File.Status == IngestedFileStatus.Rejected ? InboxContainers.Rejected : InboxContainers.Processed,
                PipelineBlobs.MovedName(message.Container, sha256, message.BlobName), cancellationToken).ConfigureAwait(false);
            LogDuplicate(message.Container, sha256);
            return new IngestOutcome(claim.File.Status, sha256, null, AlreadyIngested: true);
        }

        var courtCode = PipelineBlobs.CourtCodeOf(metadata);
        var outcome = await ProcessAsync(message.Container, message.BlobName, sha256, content, courtCode, now, cancellationToken).ConfigureAwait(false);
        var movedName = PipelineBlobs.MovedName(message.Container, sha256, message.BlobName);
        await WriteReportAsync(message.Container, sha256, outcome.ReportJson, cancellationToken).ConfigureAwait(false);
        await MoveAsync(inbox, etag, content, metadata, outcome.Status == IngestedFileStatus.Rejected ? InboxContainers.Rejected : InboxContainers.Processed,
            movedName, cancellationToken).ConfigureAwait(false);
        await arrivals.RecordAsync(sha256, outcome.Arrivals, cancellationToken).ConfigureAwait(false);
        await files.RecordOutcomeAsync(sha256, outcome.Status, outcome.Accepted, outcome.Rejected,
            PipelineBlobs.IngestReport(message.Container, sha256), clock.GetCurrentInstant(), cancellationToken).ConfigureAwait(false);
        LogIngested(message.Container, sha256, outcome.Status, outcome.Accepted, outcome.Rejected);
        var route = outcome.Status == IngestedFileStatus.Processed && PipelineBlobs.IsFeed(message.Container)
            ? new RouteMessage(sha256, message.Container, message.BlobName, movedName, courtCode)
            : null;
        return new IngestOutcome(outcome.Status, sha256, route, AlreadyIngested: false);
    }

    /// <summary>
    /// The blob is no longer in the inbox: an earlier attempt moved it and may have stopped before recording the outcome
    /// or sending the route message. Finish from the moved copy when the message says which bytes it was.
    /// </summary>
    private async Task<IngestOutcome> ResumeMovedAsync(IngestMessage message, CancellationToken cancellationToken)
    {
        if (message.Sha256 is not { Length: 64 } sha256)
        {
            LogGone(message.Container);
            return new IngestOutcome(null, null, null, false);
        }

        var known = await files.GetAsync(sha256, cancellationToken).ConfigureAwait(false);
        if (known is null)
        {
            LogGone(message.Container);
            return new IngestOutcome(null, sha256, null, false);
        }

        if (known.Status != IngestedFileStatus.Claimed)
        {
            return new IngestOutcome(known.Status, sha256, null, AlreadyIngested: true);
        }

        var movedName = PipelineBlobs.MovedName(message.Container, sha256, known.FileName);
        foreach (var target in new[] { InboxContainers.Processed, InboxContainers.Rejected })
        {
            var moved = storage.Container(target).GetBlobClient(movedName);
            if (await TryReadAsync(moved, cancellationToken).ConfigureAwait(false) is not var (content, _, metadata))
            {
                continue;
            }

            // The moved copy keeps the inbox blob's metadata, so a court code given with the file survives a crash here.
            var courtCode = PipelineBlobs.CourtCodeOf(metadata);
            var outcome = await ProcessAsync(message.Container, known.FileName, sha256, content, courtCode, known.ClaimedAt, cancellationToken).ConfigureAwait(false);
            await WriteReportAsync(message.Container, sha256, outcome.ReportJson, cancellationToken).ConfigureAwait(false);
            await arrivals.RecordAsync(sha256, outcome.Arrivals, cancellationToken).ConfigureAwait(false);
            await files.RecordOutcomeAsync(sha256, outcome.Status, outcome.Accepted, outcome.Rejected,
                PipelineBlobs.IngestReport(message.Container, sha256), clock.GetCurrentInstant(), cancellationToken).ConfigureAwait(false);
            var route = outcome.Status == IngestedFileStatus.Processed && PipelineBlobs.IsFeed(message.Container)
                ? new RouteMessage(sha256, message.Container, known.FileName, movedName, courtCode)
                : null;
            return new IngestOutcome(outcome.Status, sha256, route, AlreadyIngested: false);
        }

        LogGone(message.Container);
        return new IngestOutcome(null, sha256, null, false);
    }

    /// <summary>
    /// Parses and applies the file. A processed court list or discharge export also says what it counts as for the
    /// missing-feed rule (<see cref="FeedReceipts"/>, by <paramref name="claimedAt"/>), which the caller records in the
    /// feed-arrival index before the outcome: a crash in between re-processes from the moved copy and records it again.
    /// </summary>
    private async Task<ProcessResult> ProcessAsync(string container, string fileName, string sha256, byte[] content, string? courtCode, Instant claimedAt, CancellationToken cancellationToken)
    {
        if (content.LongLength > options.Value.MaxFileBytes)
        {
            var tooBig = new Rejection(new SourceRef(fileName), $"the file is larger than the {options.Value.MaxFileBytes}-byte cap");
            return Rejected(container, fileName, sha256, [], tooBig);
        }

        switch (container)
        {
            case InboxContainers.Clients:
                return await ImportClientsAsync(container, fileName, sha256, content, cancellationToken).ConfigureAwait(false);
            case InboxContainers.Calendar:
                return await LoadCalendarAsync(container, fileName, sha256, content, cancellationToken).ConfigureAwait(false);
            default:
                var parsed = await FeedParser.ParseAsync(container, fileName, content, courtCode, cancellationToken).ConfigureAwait(false);
                if (parsed.FileRejection is { } whole)
                {
                    return Rejected(container, fileName, sha256, parsed.Rejections, whole);
                }

                var arrived = FeedParser.ReceiptsOf(container, fileName, parsed, courtCode, claimedAt);
                return new ProcessResult(IngestedFileStatus.Processed, parsed.RecordCount, parsed.RejectedCount,
                    IngestionReport.ToUtf8Json(container, fileName, sha256, "processed", parsed.RecordCount, parsed.Rejections, null)) { Arrivals = arrived };
        }
    }

    private async Task<ProcessResult> ImportClientsAsync(string container, string fileName, string sha256, byte[] content, CancellationToken cancellationToken)
    {
        IngestionResult<Client> parsed;
        using (var stream = new MemoryStream(content, writable: false))
        {
            parsed = await IngestionResult<Client>.CollectAsync(
                fileName, new ClientRegisterCsvParser().ParseAsync(stream, fileName, cancellationToken), cancellationToken).ConfigureAwait(false);
        }

        var problems = parsed.Rejections.Concat(parsed.Warnings).ToList();
        if (parsed.FileRejection is { } whole)
        {
            // docs/formats.md "Reference data: whole file or nothing": nothing of the file is applied, and the operator is
            // told (the reason names a line and a rule, never a person).
            var now = clock.GetCurrentInstant();
            await state.Notices.TryRaiseAsync(new HubNotice($"reference-refused-{sha256}", LondonTime.ToLocal(now).Date, "ReferenceDataRefused",
                $"A client register file (SHA-256 {sha256[..12]}) was refused whole: {whole.Reason}. The register in force is unchanged.", now),
                cancellationToken).ConfigureAwait(false);
            return Rejected(container, fileName, sha256, problems, whole);
        }

        // formats.md §5: upsert by client_id; clients not in the file are left as they are.
        await register.UpsertAsync(parsed.Records, cancellationToken).ConfigureAwait(false);
        registerCache.Invalidate();
        return new ProcessResult(IngestedFileStatus.Processed, parsed.Records.Count, parsed.Rejections.Count,
            IngestionReport.ToUtf8Json(container, fileName, sha256, "processed", parsed.Records.Count, problems, null));
    }

    private async Task<ProcessResult> LoadCalendarAsync(string container, string fileName, string sha256, byte[] content, CancellationToken cancellationToken)
    {
        WorkingCalendar candidate;
        try
        {
            candidate = WorkingCalendar.FromHolidays(BankHolidayFileParser.Parse(content));
        }
        catch (BankHolidayFileException exception)
        {
            return Rejected(container, fileName, sha256, [], new Rejection(new SourceRef(fileName), exception.Message));
        }

        // docs/domain.md "Time, days and the 24-hour rule" and docs/pipeline.md "Ingest" step 3: a refreshed GOV.UK file
        // extends the calendar; an older or equal one changes nothing.
        var replaced = await calendar.ReplaceAsync(content, candidate, cancellationToken).ConfigureAwait(false);
        var note = new Rejection(new SourceRef(fileName),
            replaced
                ? $"loaded: the calendar now covers {candidate.FirstCoveredYear}–{candidate.LastCoveredYear}"
                : $"not loaded: it covers up to {candidate.LastCoveredYear}, no further than the calendar in force",
            IsWarning: true);
        return new ProcessResult(IngestedFileStatus.Processed, candidate.Holidays.Count, 0,
            IngestionReport.ToUtf8Json(container, fileName, sha256, "processed", candidate.Holidays.Count, [note], null));
    }

    private static ProcessResult Rejected(string container, string fileName, string sha256, IReadOnlyList<Rejection> problems, Rejection whole) =>
        new(IngestedFileStatus.Rejected, 0, problems.Count(p => !p.IsWarning),
            IngestionReport.ToUtf8Json(container, fileName, sha256, "rejected", 0, problems, whole));

    private async Task WriteReportAsync(string container, string sha256, byte[] json, CancellationToken cancellationToken)
    {
        var reports = storage.Container(InboxContainers.Reports);
        await reports.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        using var stream = new MemoryStream(json, writable: false);
        await reports.GetBlobClient(PipelineBlobs.IngestReport(container, sha256)).UploadAsync(stream, overwrite: true, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Files the bytes under <paramref name="target"/>, then deletes the inbox blob (only the version read).</summary>
    private async Task MoveAsync(BlobClient inbox, ETag version, byte[] content, IDictionary<string, string> metadata, string target, string movedName, CancellationToken cancellationToken)
    {
        var container = storage.Container(target);
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        using (var stream = new MemoryStream(content, writable: false))
        {
            await container.GetBlobClient(movedName).UploadAsync(stream, new BlobUploadOptions { Metadata = metadata }, cancellationToken).ConfigureAwait(false);
        }

        try
        {
            await inbox.DeleteIfExistsAsync(DeleteSnapshotsOption.None, new BlobRequestConditions { IfMatch = version }, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException exception) when (exception.Status == 412)
        {
            // Overwritten with new bytes meanwhile: that is a new file, left in the inbox for its own ingestion.
        }
    }

    private static async Task<(byte[] Content, ETag Version, IDictionary<string, string> Metadata)?> TryReadAsync(BlobClient blob, CancellationToken cancellationToken)
    {
        try
        {
            var download = (await blob.DownloadContentAsync(cancellationToken).ConfigureAwait(false)).Value;
            return (download.Content.ToArray(), download.Details.ETag, download.Details.Metadata);
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            return null;
        }
    }

    private sealed record ProcessResult(IngestedFileStatus Status, int Accepted, int Rejected, byte[] ReportJson)
    {
        /// <summary>What a processed feed file counts as for the missing-feed rule; none for anything else.</summary>
        public IReadOnlyList<FeedReceipt> Arrivals { get; init; } = [];
    }

    [LoggerMessage(EventId = 6001, Level = LogLevel.Information, Message = "Ingested a {Container} file {Sha256}: {Status}, {Accepted} records, {Rejected} rejected")]
    private partial void LogIngested(string container, string sha256, IngestedFileStatus status, int accepted, int rejected);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Information, Message = "A {Container} file {Sha256} was ingested before: nothing to do")]
    private partial void LogDuplicate(string container, string sha256);

    [LoggerMessage(EventId = 6003, Level = LogLevel.Warning, Message = "An ingest message for {Container} names a blob that is gone and unknown: nothing to do")]
    private partial void LogGone(string container);

    [LoggerMessage(EventId = 6004, Level = LogLevel.Warning, Message = "An ingest message for {Container} is not for an ingestible inbox: ignored")]
    private partial void LogNotIngested(string container);
}
