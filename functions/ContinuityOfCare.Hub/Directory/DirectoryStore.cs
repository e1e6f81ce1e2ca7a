using System.Globalization;
using Azure;
using ContinuityOfCare.Core.Directory;
using ContinuityOfCare.Hub.Storage;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using NodaTime.Text;

namespace ContinuityOfCare.Hub.Directory;

/// <summary>
/// SPOC directory versions in Table storage (formats.md §4: "Each version is kept"). Partition <c>v000001</c> holds
/// version 1: a <c>header</c> row and one row per entry (<c>e000001</c>… in file order). Row <c>live</c>/<c>pointer</c>
/// names the live version; row <c>live</c>/<c>lastimport</c> names the latest import's report. A new version is written in three ETag-guarded steps: allocate its number on the pointer,
/// write the rows, then move the pointer — last, so a half-written version is never live.
/// </summary>
public class DirectoryStore(HubStorage storage, IOptions<DirectoryImportOptions> options)
{
    private const string PointerPartition = "live";
    private const string PointerRow = "pointer";
    private const string HeaderRow = "header";
    private const string LastImportRow = "lastimport";
    private const int MaxBatch = 100;
    private readonly TableOnFirstUse _table = new(() => storage.Table(options.Value.Table));

    /// <summary>The version's partition key.</summary>
    public static string Partition(int version) => string.Create(CultureInfo.InvariantCulture, $"v{version:D6}");

    /// <summary>Reads the live directory (the table is created on this store's first use, <see cref="TableOnFirstUse"/>).</summary>
    public virtual async Task<StoredDirectory> LoadLiveAsync(CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken).ConfigureAwait(false);
        var pointer = (await table.GetEntityIfExistsAsync<TableEntity>(PointerPartition, PointerRow, cancellationToken: cancellationToken).ConfigureAwait(false)).ValueOrNull();
        if (pointer is null)
        {
            return new StoredDirectory(null, null, 0, default);
        }

        var latest = pointer.GetInt32("LatestAllocated") ?? 0;
        if (pointer.GetInt32("Version") is not { } version)
        {
            return new StoredDirectory(null, null, latest, pointer.ETag);
        }

        var entries = new List<DirectoryEntry>();
        await foreach (var row in table.QueryAsync<TableEntity>($"PartitionKey eq '{Partition(version)}'", cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (row.RowKey != HeaderRow)
            {
                entries.Add(ToEntry(row));
            }
        }

        return new StoredDirectory(new SpocDirectory(version, entries), pointer.GetString("SourceSha256"), latest, pointer.ETag);
    }

    /// <summary>Stores <paramref name="entries"/> as a new version and makes it live; returns its number.</summary>
    /// <exception cref="RequestFailedException">Storage failed, or another import changed the pointer meanwhile (412/409).</exception>
    public virtual async Task<int> StoreNewVersionAsync(
        StoredDirectory current,
        IReadOnlyList<DirectoryEntry> entries,
        string sourceName,
        string sourceSha256,
        DateTimeOffset importedAt,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(entries);
        var table = await _table.GetAsync(cancellationToken).ConfigureAwait(false);
        var version = current.LatestAllocated + 1;

        // 1. Allocate the number (insert-if-absent the first time, ETag-guarded afterwards).
        var pointer = new TableEntity(PointerPartition, PointerRow) { ["LatestAllocated"] = version };
        if (current.Live is { } live)
        {
            pointer["Version"] = live.Version;
            pointer["SourceSha256"] = current.SourceSha256 ?? string.Empty;
        }

        var etag = current.PointerETag == default
            ? (await table.AddEntityAsync(pointer, cancellationToken).ConfigureAwait(false)).Headers.ETag
            : (await table.UpdateEntityAsync(pointer, current.PointerETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false)).Headers.ETag;

        // 2. The version's rows: entries in batches of at most 100, then the header.
        var partition = Partition(version);
        var rows = entries.Select((entry, index) => ToRow(partition, index + 1, entry)).ToList();
        for (var start = 0; start < rows.Count; start += MaxBatch)
        {
            var batch = rows.Skip(start).Take(MaxBatch).Select(row => new TableTransactionAction(TableTransactionActionType.UpsertReplace, row));
            await table.SubmitTransactionAsync(batch, cancellationToken).ConfigureAwait(false);
        }

        await table.UpsertEntityAsync(new TableEntity(partition, HeaderRow)
        {
            ["Version"] = version,
            ["EntryCount"] = entries.Count,
            ["SourceName"] = sourceName,
            ["SourceSha256"] = sourceSha256,
            ["ImportedAt"] = importedAt,
        }, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);

        // 3. Go live, guarded by the ETag from step 1.
        var live2 = new TableEntity(PointerPartition, PointerRow)
        {
            ["LatestAllocated"] = version,
            ["Version"] = version,
            ["SourceSha256"] = sourceSha256,
        };
        await table.UpdateEntityAsync(live2, etag ?? throw new InvalidOperationException("the pointer write returned no ETag"), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        return version;
    }

    /// <summary>
    /// Records which report the latest import wrote (accepted, unchanged or rejected alike): row <c>live</c>/<c>lastimport</c>
    /// names its JSON report blob in the reports container, so the console reads the last import's diff and problems
    /// with one point read and one download instead of listing every report ever written.
    /// </summary>
    /// <exception cref="RequestFailedException">Storage failed.</exception>
    public virtual async Task RecordLastImportAsync(string reportBlobName, DateTimeOffset importedAt, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(reportBlobName);
        var table = await _table.GetAsync(cancellationToken).ConfigureAwait(false);
        await table.UpsertEntityAsync(new TableEntity(PointerPartition, LastImportRow)
        {
            ["ReportBlob"] = reportBlobName,
            ["ImportedAt"] = importedAt,
        }, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The JSON report blob (in the reports container) of the latest import, or null before the first.</summary>
    /// <exception cref="RequestFailedException">Storage failed.</exception>
    public virtual async Task<string?> LastImportReportAsync(CancellationToken cancellationToken)
    {
        var table = await _table.GetAsync(cancellationToken).ConfigureAwait(false);
        var row = (await table.GetEntityIfExistsAsync<TableEntity>(PointerPartition, LastImportRow, cancellationToken: cancellationToken).ConfigureAwait(false)).ValueOrNull();
        return row?.GetString("ReportBlob") is { Length: > 0 } name ? name : null;
    }

    private static TableEntity ToRow(string partition, int index, DirectoryEntry entry) => new(partition, string.Create(CultureInfo.InvariantCulture, $"e{index:D6}"))
    {
        ["OrgCode"] = entry.OrgCode,
        ["OrgType"] = entry.OrgType.ToCode(),
        ["OrgName"] = entry.OrgName,
        ["SpocName"] = entry.SpocName ?? string.Empty,
        ["Email"] = entry.Email,
        ["Phone"] = entry.Phone,
        ["Phone24x7"] = entry.Phone24x7 ?? string.Empty,
        ["EscalationEmail"] = entry.EscalationEmail,
        ["PostcodeDistricts"] = string.Join(';', entry.PostcodeDistricts),
        ["Courts"] = string.Join(';', entry.Courts),
        ["CourtWorkerCourts"] = string.Join(';', entry.CourtWorkerCourts),
        ["EffectiveFrom"] = LocalDatePattern.Iso.Format(entry.EffectiveFrom),
    };

    private static DirectoryEntry ToEntry(TableEntity row)
    {
        string Text(string name) => row.GetString(name) ?? string.Empty;
        string? Optional(string name) => row.GetString(name) is { Length: > 0 } value ? value : null;
        IReadOnlyList<string> List(string name) => Text(name).Split(';', StringSplitOptions.RemoveEmptyEntries);
        _ = OrgTypeCodes.TryParse(Text("OrgType"), out var orgType);
        return new DirectoryEntry(
            Text("OrgCode"), orgType, Text("OrgName"), Optional("SpocName"), Text("Email"), Text("Phone"), Optional("Phone24x7"),
            Text("EscalationEmail"), List("PostcodeDistricts"), List("Courts"), List("CourtWorkerCourts"),
            LocalDatePattern.Iso.Parse(Text("EffectiveFrom")).GetValueOrThrow());
    }
}
