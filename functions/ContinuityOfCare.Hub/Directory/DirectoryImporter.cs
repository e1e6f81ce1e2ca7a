using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ContinuityOfCare.Core.Directory;
using ContinuityOfCare.Core.Inputs;
using ContinuityOfCare.Core.Routing;
using ContinuityOfCare.Hub.Storage;
using ContinuityOfCare.Ingestion.Directory;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ContinuityOfCare.Hub.Directory;

/// <summary>
/// Imports a SPOC directory file (formats.md §4): read and validate the whole file; if valid, store it as a new
/// version and make it live, else keep the previous version live; either way write a report (JSON + text) to
/// <c>reports/directory/…</c> listing every problem with its line number, or the diff. The same file twice (by
/// SHA-256) changes nothing. Called by the <c>DirectoryImport</c> function and by <c>coc directory import</c>.
/// </summary>
public sealed partial class DirectoryImporter(
    DirectoryStore store,
    HubStorage storage,
    IOptions<DirectoryImportOptions> options,
    SecureMailPolicy secureMail,
    TimeProvider time,
    ILogger<DirectoryImporter> logger)
{
    /// <summary>Imports one file.</summary>
    /// <param name="sourceName">The file or blob name (reported; not a local path).</param>
    /// <param name="content">The file's bytes.</param>
    /// <param name="force">Allow removing more than the configured share of entries (formats.md §4 shrink guard).</param>
    /// <param name="cancellationToken">Cancels the import.</param>
    /// <exception cref="Azure.RequestFailedException">Storage failed (the import can be retried).</exception>
    public async Task<DirectoryImportOutcome> ImportAsync(string sourceName, ReadOnlyMemory<byte> content, bool force, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sourceName);
        var settings = options.Value;
        var importedAt = time.GetUtcNow();
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(content.Span));
        var current = await store.LoadLiveAsync(cancellationToken).ConfigureAwait(false);
        var previousVersion = current.Live?.Version;

        var parser = new SpocDirectoryParser(new SpocDirectoryParserOptions { MaxFileBytes = settings.MaxFileBytes });
        var parsed = await parser.ParseAsync(new MemoryStream(content.ToArray(), writable: false), sourceName, cancellationToken).ConfigureAwait(false);

        DirectoryImportOutcome outcome;
        if (parsed.FileRejection is { } rejection)
        {
            outcome = new DirectoryImportOutcome(DirectoryImportOutcome.Rejected, previousVersion, previousVersion, [rejection], parsed.Warnings, null, []);
        }
        else if (current.Live is not null && string.Equals(current.SourceSha256, sha256, StringComparison.Ordinal))
        {
            outcome = new DirectoryImportOutcome(DirectoryImportOutcome.Unchanged, previousVersion, previousVersion, [], parsed.Warnings, null, []);
        }
        else
        {
            var validation = DirectoryValidator.Validate(sourceName, parsed.Rows, current.Live?.Entries, ValidationOptions(settings, secureMail), force);
            var problems = parsed.Problems.Concat(validation).OrderBy(problem => problem.Where.Line ?? int.MaxValue).ToList();
            var entries = parsed.Rows.Select(row => row.Entry).ToList();
            var diff = DirectoryDiff.Between(current.Live?.Entries, entries);
            if (problems.Count > 0)
            {
                outcome = new DirectoryImportOutcome(DirectoryImportOutcome.Rejected, previousVersion, previousVersion, problems, parsed.Warnings, diff, []);
            }
            else
            {
                var version = await store.StoreNewVersionAsync(current, entries, sourceName, sha256, importedAt, cancellationToken).ConfigureAwait(false);
                outcome = new DirectoryImportOutcome(DirectoryImportOutcome.Accepted, version, previousVersion, [], parsed.Warnings, diff, []);
            }
        }

        var reports = await WriteReportsAsync(outcome, sourceName, sha256, importedAt, cancellationToken).ConfigureAwait(false);
        outcome = outcome with { ReportBlobs = reports, ImportedAt = importedAt };
        LogImported(outcome.Status, outcome.Version, previousVersion, outcome.Problems.Count, sha256[..12]);
        return outcome;
    }

    private static DirectoryValidationOptions ValidationOptions(DirectoryImportOptions settings, SecureMailPolicy secureMail) => new()
    {
        SecureMail = secureMail,
        MaxRemovedShare = settings.MaxRemovedShare,
        KnownPrisonCodes = settings.KnownPrisonCodes.Count > 0 ? settings.KnownPrisonCodes.ToHashSet(StringComparer.Ordinal) : null,
    };

    private async Task<IReadOnlyList<string>> WriteReportsAsync(DirectoryImportOutcome outcome, string sourceName, string sha256, DateTimeOffset importedAt, CancellationToken cancellationToken)
    {
        var container = storage.Container(options.Value.ReportsContainer);
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        // Named by time and content hash only: an uploaded file name may carry anything.
        var stem = string.Create(CultureInfo.InvariantCulture, $"directory/{importedAt.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}-{sha256[..12]}-{outcome.Status}");
        var written = new List<string>();
        foreach (var (name, body) in new[]
        {
            ($"{stem}.json", DirectoryReport.ToJson(outcome, sourceName, sha256, importedAt)),
            ($"{stem}.txt", DirectoryReport.ToText(outcome, sourceName, importedAt)),
        })
        {
            using var stream = new MemoryStream(Encoding.UTF8.GetBytes(body));
            await container.GetBlobClient(name).UploadAsync(stream, overwrite: true, cancellationToken).ConfigureAwait(false);
            written.Add($"{container.Name}/{name}");
        }

        // Last, so the pointer never names a report that is not there yet.
        await store.RecordLastImportAsync($"{stem}.json", importedAt, cancellationToken).ConfigureAwait(false);
        return written;
    }

    [LoggerMessage(EventId = 500, Level = LogLevel.Information,
        Message = "SPOC directory import {Status}: live version {Version} (was {PreviousVersion}), {ProblemCount} problem(s), file {Sha256Prefix}")]
    private partial void LogImported(string status, int? version, int? previousVersion, int problemCount, string sha256Prefix);
}
