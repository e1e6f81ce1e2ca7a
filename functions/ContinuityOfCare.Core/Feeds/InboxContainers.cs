namespace ContinuityOfCare.Core.Feeds;

/// <summary>
/// The blob containers the hub reads its inputs from (architecture.md "State": inbox containers per input type) and
/// writes results to. The single list of names: the functions, the scan, infra/main.bicep and its tests use these.
/// </summary>
public static class InboxContainers
{
    /// <summary>HMCTS court lists (formats.md §1).</summary>
    public const string CourtLists = "court-lists";

    /// <summary>Court results CSV (formats.md §2).</summary>
    public const string CourtResults = "court-results";

    /// <summary>LIDS discharge exports (formats.md §3).</summary>
    public const string Discharges = "discharges";

    /// <summary>Client register CSV (formats.md §5).</summary>
    public const string Clients = "clients";

    /// <summary>SPOC directory CSV (formats.md §4).</summary>
    public const string Directory = "directory";

    /// <summary>GOV.UK bank-holidays JSON (formats.md §6).</summary>
    public const string Calendar = "calendar";

    /// <summary>Where a file goes once ingested.</summary>
    public const string Processed = "processed";

    /// <summary>Where a file goes when it is rejected whole.</summary>
    public const string Rejected = "rejected";

    /// <summary>Per-file ingestion reports and compliance reports.</summary>
    public const string Reports = "reports";

    /// <summary>
    /// The inboxes in the order a scan enqueues them: reference data first (directory, clients, calendar), then the
    /// feeds that produce events, so a run that drops everything at once routes against fresh reference data.
    /// </summary>
    public static IReadOnlyList<string> Inboxes { get; } = [Directory, Clients, Calendar, CourtLists, CourtResults, Discharges];

    /// <summary>Every container the hub uses: the inboxes, then processed, rejected and reports.</summary>
    public static IReadOnlyList<string> All { get; } = [.. Inboxes, Processed, Rejected, Reports];
}
