using ContinuityOfCare.Core.Feeds;

namespace ContinuityOfCare.Hub.Pipeline;

/// <summary>
/// Where the pipeline puts files and reports (docs/pipeline.md "Ingest" and "Route"). Every name is derived from the inbox, the
/// file's SHA-256 and its original name only, so a redelivered message finds what an earlier attempt wrote.
/// </summary>
public static class PipelineBlobs
{
    /// <summary>Where an ingested file is kept: <c>processed/&lt;inbox&gt;/&lt;sha256&gt;/&lt;name&gt;</c> (or the same under <c>rejected</c>).</summary>
    public static string MovedName(string container, string sha256, string fileName) => $"{container}/{sha256}/{fileName}";

    /// <summary>The per-file ingestion report: <c>reports/ingest/&lt;inbox&gt;/&lt;sha256&gt;.json</c>.</summary>
    public static string IngestReport(string container, string sha256) => $"ingest/{container}/{sha256}.json";

    /// <summary>The per-file routing report (what the plan did): <c>reports/route/&lt;sha256&gt;.json</c>.</summary>
    public static string RouteReport(string sha256) => $"route/{sha256}.json";

    /// <summary>The prefix of every routing report.</summary>
    public const string RouteReportPrefix = "route/";

    /// <summary>The bank-holiday file in force once one has been loaded from the inbox: <c>processed/calendar/current.json</c>.</summary>
    public const string CurrentCalendar = InboxContainers.Calendar + "/current.json";

    /// <summary>The inboxes whose files produce events and are routed.</summary>
    public static bool IsFeed(string container) =>
        container is InboxContainers.CourtLists or InboxContainers.CourtResults or InboxContainers.Discharges;

    /// <summary>
    /// The blob metadata key carrying a court list's court code (set by the upload's <c>?courtcode=</c>, or by whoever
    /// drops the file; HMCTS's downloaded lists do not carry one in the file or its name).
    /// </summary>
    public const string CourtCodeMetadata = "courtcode";

    /// <summary>The court code in a blob's metadata when it has the shape of one (upper-cased), else null.</summary>
    public static string? CourtCodeOf(IDictionary<string, string>? metadata) =>
        metadata is not null
        && metadata.FirstOrDefault(pair => pair.Key.Equals(CourtCodeMetadata, StringComparison.OrdinalIgnoreCase)).Value is { Length: > 0 } value
        && Ingestion.Common.CodeShapes.IsCourtCode(value.Trim().ToUpperInvariant())
            ? value.Trim().ToUpperInvariant()
            : null;
}
