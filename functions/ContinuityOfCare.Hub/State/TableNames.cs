namespace ContinuityOfCare.Hub.State;

/// <summary>
/// The hub's state tables (architecture.md "State"; key design in docs/state.md). The actual table name is
/// <see cref="StateOptions.TablePrefix"/> + one of these, so tests and side-by-side deployments never share tables.
/// The alert outbox and its operator notices are the mail project's own tables (<c>Mail:Outbox</c>), not listed here.
/// </summary>
public static class TableNames
{
    /// <summary>The client register: one row per client, in 16 hashed buckets.</summary>
    public const string Clients = "clients";

    /// <summary>The identifier index: keyed hash of NOMS / PNC / CRO / name+DOB → client id.</summary>
    public const string ClientIndex = "clientindex";

    /// <summary>Ingested files by SHA-256 (idempotency of ingestion).</summary>
    public const string IngestedFiles = "ingestedfiles";

    /// <summary>Matched events, partitioned by client.</summary>
    public const string Events = "events";

    /// <summary>Obligations (and their escalation guard rows) in 256 hashed buckets.</summary>
    public const string Obligations = "obligations";

    /// <summary>Open obligations by due day: what the escalation sweep reads.</summary>
    public const string ObligationsByDue = "obligationsdue";

    /// <summary>Obligations by owner organisation (owner and due only; status is read from the obligation).</summary>
    public const string ObligationsByOwner = "obligationsowner";

    /// <summary>
    /// Not-yet-closed obligations in due order: every team's in one partition, each owner's in its own (the console's
    /// lists; docs/state.md "Open indexes").
    /// </summary>
    public const string ObligationsOpen = "obligationsopen";

    /// <summary>Closed obligations in due order, each owner's in its own partition (the console's closed lists).</summary>
    public const string ObligationsClosed = "obligationsclosed";

    /// <summary>Open tasks in creation order: every team's in one partition, each owner's in its own.</summary>
    public const string TasksOpen = "tasksopen";

    /// <summary>Tasks for people, partitioned by client.</summary>
    public const string Tasks = "tasks";

    /// <summary>Possible matches held for a person to confirm or reject.</summary>
    public const string PossibleMatches = "possiblematches";

    /// <summary>The append-only audit trail, by UTC day.</summary>
    public const string Audit = "audit";

    /// <summary>Operator notices (missing feeds, calendar coverage), once per key per day.</summary>
    public const string Notices = "hubnotices";

    /// <summary>The feed-arrival index: what each processed court list and discharge export counts as, by the day it is checked on.</summary>
    public const string FeedArrivals = "feedarrivals";

    /// <summary>The console's Today figures: one row, recounted every few minutes from the open indexes.</summary>
    public const string TodayCounts = "todaycounts";

    /// <summary>Every table, for creation at start-up.</summary>
    public static IReadOnlyList<string> All { get; } =
        [Clients, ClientIndex, IngestedFiles, Events, Obligations, ObligationsByDue, ObligationsByOwner, ObligationsOpen, ObligationsClosed, Tasks, TasksOpen, PossibleMatches, Audit, Notices, FeedArrivals, TodayCounts];
}
