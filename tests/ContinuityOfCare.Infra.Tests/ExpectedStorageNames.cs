namespace ContinuityOfCare.Infra.Tests;

/// <summary>
/// The queues, containers and tables the hub's code uses. They mirror PipelineQueues.All, InboxContainers (with
/// processed/rejected/reports), TableNames.All, OutboxOptions' table defaults and DirectoryImportOptions.Table in the
/// code; they are written out here so this project does not depend on the function app while it is restructured.
/// When those constants move, replace these lists with references to them.
/// </summary>
internal static class ExpectedStorageNames
{
    /// <summary>One queue per pipeline stage (PipelineQueues.All).</summary>
    public static readonly string[] StageQueues = ["ingest", "route", "send"];

    /// <summary>The inbox containers, one per input type (InboxContainers.Inboxes): each is a blob trigger source.</summary>
    public static readonly string[] InboxContainers = ["court-lists", "court-results", "discharges", "clients", "directory", "calendar"];

    /// <summary>Where ingested and rejected files and the reports go (InboxContainers.Processed/Rejected/Reports).</summary>
    public static readonly string[] WorkContainers = ["processed", "rejected", "reports"];

    /// <summary>The Flex Consumption deployment package container.</summary>
    public const string DeploymentContainer = "deployments";

    /// <summary>State (TableNames.All), mail outbox (OutboxOptions) and SPOC directory (DirectoryImportOptions) tables.</summary>
    public static readonly string[] Tables =
    [
        "clients", "clientindex", "ingestedfiles", "feedarrivals", "events", "obligations", "obligationsdue", "obligationsowner", "obligationsopen", "obligationsclosed", "tasks", "tasksopen",
        "possiblematches", "audit", "hubnotices", "todaycounts",
        "alertoutbox", "directoryflags", "alertsentbyday",
        "spocdirectory",
    ];
}
