using System.Globalization;
using ContinuityOfCare.Core.Obligations;
using Azure.Data.Tables;

namespace ContinuityOfCare.Hub.State;

/// <summary>The obligation tables' row shapes (docs/state.md "obligations").</summary>
internal static class ObligationEntity
{
    public const string TypeObligation = "obligation";
    public const string TypeEscalation = "escalation";
    public const int MaxLevel = 3;

    /// <summary>256 partitions <c>o00</c>…<c>off</c> by a hash of the id: spread, and batchable when many open at once.</summary>
    public static string Partition(string obligationId) => "o" + StateKeys.Bucket(obligationId, 2);

    public static string Row(string obligationId) => StateKeys.Legal(obligationId);

    /// <summary>The guard row of one escalation level: same partition as the obligation, so both change in one transaction.</summary>
    public static string EscalationRow(string obligationId, int level) =>
        Row(obligationId) + "|escalation-" + level.ToString(CultureInfo.InvariantCulture);

    public static string SentAtProperty(int level) => "Escalation" + level.ToString(CultureInfo.InvariantCulture) + "SentAt";

    /// <summary>The outbox id of a recorded level's email; empty when the level had no recipient (absent on rows recorded before escalation emails went through the outbox).</summary>
    public static string EmailProperty(int level) => "Escalation" + level.ToString(CultureInfo.InvariantCulture) + "Email";

    /// <summary>Due index: partition = UTC day of the due instant; row = due ticks + id, so a day reads in due order.</summary>
    public static TableEntity DueRow(Obligation obligation) =>
        new(StateKeys.Day(obligation.Due), DueRowKey(obligation))
        {
            ["ObligationId"] = obligation.Id,
            ["Due"] = StateKeys.ToStored(obligation.Due),
        };

    public static string DueRowKey(Obligation obligation) => StateKeys.Ticks(obligation.Due) + "_" + Row(obligation.Id);

    /// <summary>
    /// The prefix of the open index's every-team partitions: <c>_all</c> + the UTC due day (<c>yyyyMMdd</c>). Partition
    /// and row key both follow due order, so a range of days reads in due order as one query; a day holds a day's
    /// obligations, so a point write never lands in one partition holding them all. Org codes (letters and digits)
    /// sort outside <c>_all</c>…<c>_all~</c>.
    /// </summary>
    public const string OpenEveryTeam = "_all";

    /// <summary>The every-team partition of obligations due at <paramref name="due"/>.</summary>
    public static string OpenEveryTeamPartition(NodaTime.Instant due) => OpenEveryTeam + StateKeys.Day(due);

    /// <summary>Sorts after every every-team partition (and before <c>_meta</c>).</summary>
    public const string OpenEveryTeamEnd = OpenEveryTeam + "~";

    /// <summary>The bookkeeping partition of the index tables (never listed): each start-up backfill's marker row (the open and closed indexes, feed arrivals, possible matches).</summary>
    public const string OpenMetaPartition = "_meta";

    public const string OpenBackfilledRow = "backfilled";

    /// <summary>
    /// Open index rows of a not-yet-closed obligation: one in its due day's every-team partition, one in its owner's;
    /// row = due ticks + id (<see cref="DueRowKey"/>), so a partition reads in due order and a page is a key range.
    /// State and rule ride along so a filter is applied by the service; the obligation row stays the truth.
    /// </summary>
    public static IEnumerable<TableEntity> OpenRows(Obligation obligation) =>
        [OpenRow(OpenEveryTeamPartition(obligation.Due), obligation), OpenRow(OpenOwnerPartition(obligation.OwnerOrganisationId), obligation)];

    /// <summary>The open index's partition of one owner's obligations: its org code (letters and digits sort outside <c>_all</c>…).</summary>
    public static string OpenOwnerPartition(string owner) => StateKeys.Legal(owner);

    public static IEnumerable<(string PartitionKey, string RowKey)> OpenKeys(Obligation obligation) =>
        OpenRows(obligation).Select(row => (row.PartitionKey, row.RowKey));

    private static TableEntity OpenRow(string partition, Obligation obligation) =>
        new(partition, DueRowKey(obligation))
        {
            ["ObligationId"] = obligation.Id,
            ["Due"] = StateKeys.ToStored(obligation.Due),
            ["State"] = obligation.State.ToString(),
            ["RuleId"] = obligation.RuleId,
        };

    /// <summary>
    /// Closed index row of a closed obligation (fulfilled on time or late, or cancelled): in its owner's partition, row =
    /// due ticks + id (<see cref="DueRowKey"/>) like the open index, so a team's closed list is a key range in due order.
    /// State and rule ride along so a status or rule filter is applied by the service; the obligation row stays the truth.
    /// The table's <see cref="OpenMetaPartition"/> holds its own backfill marker (org codes never start with <c>_</c>).
    /// </summary>
    public static TableEntity ClosedRow(Obligation obligation) =>
        new(StateKeys.Legal(obligation.OwnerOrganisationId), DueRowKey(obligation))
        {
            ["ObligationId"] = obligation.Id,
            ["Due"] = StateKeys.ToStored(obligation.Due),
            ["State"] = obligation.State.ToString(),
            ["RuleId"] = obligation.RuleId,
        };

    /// <summary>Owner index: partition = owner code, row = id. Owner and due never change, so the row never does.</summary>
    public static TableEntity OwnerRow(Obligation obligation) =>
        new(StateKeys.Legal(obligation.OwnerOrganisationId), Row(obligation.Id))
        {
            ["ObligationId"] = obligation.Id,
            ["Due"] = StateKeys.ToStored(obligation.Due),
        };

    public static TableEntity ToEntity(NewObligation opening)
    {
        var o = opening.Obligation;
        var row = new TableEntity(Partition(o.Id), Row(o.Id))
        {
            ["Type"] = TypeObligation,
            ["ObligationId"] = o.Id,
            ["RuleId"] = o.RuleId,
            ["Owner"] = o.OwnerOrganisationId,
            ["ClientId"] = opening.ClientId,
            ["EventId"] = opening.EventId,
            ["MustDo"] = opening.MustDo,
            ["StartedAt"] = StateKeys.ToStored(o.StartedAt),
            ["Due"] = StateKeys.ToStored(o.Due),
            ["LateFromStart"] = o.LateFromStart,
            ["Priority"] = o.Priority.ToString(),
        };
        SetState(row, o);
        return row;
    }

    /// <summary>Writes the mutable fields (state and closure) onto <paramref name="row"/>.</summary>
    public static void SetState(TableEntity row, Obligation obligation)
    {
        row["State"] = obligation.State.ToString();
        if (obligation.ClosedAt is { } closed)
        {
            row["ClosedAt"] = StateKeys.ToStored(closed);
        }
    }

    public static StoredObligation ToStored(TableEntity row)
    {
        string Text(string name) => row.GetString(name) ?? string.Empty;
        var obligation = new Obligation(
            Text("ObligationId"),
            Text("RuleId"),
            Text("Owner"),
            StateKeys.FromStored(row.GetDateTimeOffset("StartedAt") ?? DateTimeOffset.UnixEpoch),
            StateKeys.FromStored(row.GetDateTimeOffset("Due") ?? DateTimeOffset.UnixEpoch),
            row.GetBoolean("LateFromStart") ?? false,
            Enum.Parse<ObligationPriority>(Text("Priority")),
            Enum.Parse<ObligationState>(Text("State")),
            row.GetDateTimeOffset("ClosedAt") is { } closed ? StateKeys.FromStored(closed) : null);
        var escalations = new List<EscalationRecord>();
        var emails = new Dictionary<int, string>();
        for (var level = 1; level <= MaxLevel; level++)
        {
            if (row.GetDateTimeOffset(SentAtProperty(level)) is { } sentAt)
            {
                escalations.Add(new EscalationRecord(level, StateKeys.FromStored(sentAt)));
            }

            if (row.GetString(EmailProperty(level)) is { } emailId)
            {
                emails[level] = emailId;
            }
        }

        return new StoredObligation(
            obligation,
            Text("ClientId"),
            Text("EventId"),
            Text("MustDo"),
            escalations,
            row.GetString("ClosedBy") is { Length: > 0 } by ? by : null,
            row.GetString("ClosingNote") is { Length: > 0 } note ? note : null)
        {
            EscalationEmails = emails,
        };
    }
}
