using Azure;
using ContinuityOfCare.Core.Inputs;
using ContinuityOfCare.Core.Matching;
using Azure.Data.Tables;
using ContinuityOfCare.Hub.Storage;
using NodaTime;

namespace ContinuityOfCare.Hub.State;

/// <summary>
/// Possible matches held for a person (docs/domain.md "Matching" step 3). Partition = id, row <c>match</c>: every
/// operation is by id; the listing of held matches is one filtered query (they are few and a person clears them),
/// narrowed for a team to the matches whose <c>OwningTeam</c> column is one of its org codes.
/// Hold is insert-if-absent; confirm/reject are ETag-guarded so two people deciding at once cannot both win.
/// </summary>
public sealed class PossibleMatchStore
{
    private const string Row = "match";
    private const string MetaPartition = ObligationEntity.OpenMetaPartition;
    private const string OwningTeamBackfilledRow = "owningteam-backfilled";
    private readonly TableClient _table;
    private readonly int _maxRetries;

    /// <summary>Creates the store.</summary>
    public PossibleMatchStore(StateTables tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        _table = tables.Get(TableNames.PossibleMatches);
        _maxRetries = tables.Options.MaxConcurrencyRetries;
    }

    /// <summary>Holds the match unless held before (whatever its status now).</summary>
    /// <returns>The stored match and whether it was held now.</returns>
    /// <exception cref="RequestFailedException">Storage failed.</exception>
    public async Task<(HeldPossibleMatch Match, bool Added)> HoldAsync(
        string sourceIdentity, SourceRef source, string clientId, string reason, string payload, Instant now, CancellationToken cancellationToken, MatchWeight? weight = null, string? owningTeam = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(sourceIdentity);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentException.ThrowIfNullOrEmpty(clientId);
        ArgumentNullException.ThrowIfNull(reason);
        ArgumentNullException.ThrowIfNull(payload);
        var match = new HeldPossibleMatch(HeldPossibleMatch.IdFor(sourceIdentity, source, clientId), clientId, source, reason, payload, PossibleMatchStatus.Held, now, Weight: weight, OwningTeam: owningTeam);
        try
        {
            await _table.AddEntityAsync(ToEntity(match), cancellationToken).ConfigureAwait(false);
            return (match, true);
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            return (await GetAsync(match.Id, cancellationToken).ConfigureAwait(false) ?? match, false);
        }
    }

    /// <summary>One match, or null.</summary>
    public async Task<HeldPossibleMatch?> GetAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        var row = (await _table.GetEntityIfExistsAsync<TableEntity>(StateKeys.Legal(id), Row, cancellationToken: cancellationToken).ConfigureAwait(false)).ValueOrNull();
        return row is null ? null : ToMatch(row);
    }

    /// <summary>Every match still held, oldest first (one query).</summary>
    public Task<IReadOnlyList<HeldPossibleMatch>> ListHeldAsync(CancellationToken cancellationToken) => ListHeldAsync(null, cancellationToken);

    /// <summary>
    /// Matches still held, oldest first: every one (<paramref name="owningTeams"/> null, the operator), or only those
    /// owned by one of <paramref name="owningTeams"/> (a team member) — one query either way.
    /// </summary>
    public async Task<IReadOnlyList<HeldPossibleMatch>> ListHeldAsync(IReadOnlySet<string>? owningTeams, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"Status eq {nameof(PossibleMatchStatus.Held)}");
        if (owningTeams is not null)
        {
            if (owningTeams.Count == 0)
            {
                return [];
            }

            filter += " and (" + string.Join(" or ", owningTeams.Order(StringComparer.Ordinal).Select(team => TableClient.CreateQueryFilter($"OwningTeam eq {team}"))) + ")";
        }

        var held = new List<HeldPossibleMatch>();
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            held.Add(ToMatch(row));
        }

        return [.. held.OrderBy(m => m.HeldAt).ThenBy(m => m.Id, StringComparer.Ordinal)];
    }

    /// <summary>Matches still held that have no owning team (held by a version before the column): the start-up backfill's read.</summary>
    /// <exception cref="RequestFailedException">Storage failed.</exception>
    public async Task<IReadOnlyList<HeldPossibleMatch>> ListHeldWithoutOwningTeamAsync(CancellationToken cancellationToken) =>
        [.. (await ListHeldAsync(cancellationToken).ConfigureAwait(false)).Where(m => m.OwningTeam is null)];

    /// <summary>
    /// Sets the owning team of a match (a merge of that one column, so a decision recorded meanwhile is kept).
    /// </summary>
    /// <returns>False when the match no longer exists.</returns>
    /// <exception cref="RequestFailedException">Storage failed.</exception>
    public async Task<bool> SetOwningTeamAsync(string id, string owningTeam, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        ArgumentException.ThrowIfNullOrEmpty(owningTeam);
        try
        {
            await _table.UpdateEntityAsync(new TableEntity(StateKeys.Legal(id), Row) { ["OwningTeam"] = owningTeam }, ETag.All, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            return false;
        }
    }

    /// <summary>Whether the start-up backfill of owning teams has run (its marker row, in a partition no match uses).</summary>
    /// <exception cref="RequestFailedException">Storage failed.</exception>
    public async Task<bool> IsOwningTeamBackfilledAsync(CancellationToken cancellationToken) =>
        (await _table.GetEntityIfExistsAsync<TableEntity>(MetaPartition, OwningTeamBackfilledRow, cancellationToken: cancellationToken).ConfigureAwait(false)).HasValue;

    /// <summary>Leaves the owning-team backfill's marker row (it has no <c>Status</c>, so no listing returns it).</summary>
    /// <exception cref="RequestFailedException">Storage failed.</exception>
    public Task MarkOwningTeamBackfilledAsync(CancellationToken cancellationToken) =>
        _table.UpsertEntityAsync(new TableEntity(MetaPartition, OwningTeamBackfilledRow), TableUpdateMode.Replace, cancellationToken);

    /// <summary>Confirms a held match (the caller then routes <see cref="HeldPossibleMatch.Payload"/>).</summary>
    /// <returns>Applied, AlreadyApplied (confirmed before), Refused (rejected before), NotFound; and the match.</returns>
    public Task<(ChangeOutcome Outcome, HeldPossibleMatch? Match)> ConfirmAsync(string id, string by, Instant at, CancellationToken cancellationToken) =>
        DecideAsync(id, PossibleMatchStatus.Confirmed, by, at, cancellationToken);

    /// <summary>Rejects a held match.</summary>
    /// <returns>Applied, AlreadyApplied (rejected before), Refused (confirmed before), NotFound; and the match.</returns>
    public Task<(ChangeOutcome Outcome, HeldPossibleMatch? Match)> RejectAsync(string id, string by, Instant at, CancellationToken cancellationToken) =>
        DecideAsync(id, PossibleMatchStatus.Rejected, by, at, cancellationToken);

    private async Task<(ChangeOutcome, HeldPossibleMatch?)> DecideAsync(string id, PossibleMatchStatus decision, string by, Instant at, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        ArgumentException.ThrowIfNullOrEmpty(by);
        for (var attempt = 1; ; attempt++)
        {
            var row = (await _table.GetEntityIfExistsAsync<TableEntity>(StateKeys.Legal(id), Row, cancellationToken: cancellationToken).ConfigureAwait(false)).ValueOrNull();
            if (row is null)
            {
                return (ChangeOutcome.NotFound, null);
            }

            var match = ToMatch(row);
            if (match.Status != PossibleMatchStatus.Held)
            {
                return (match.Status == decision ? ChangeOutcome.AlreadyApplied : ChangeOutcome.Refused, match);
            }

            var update = new TableEntity(row.PartitionKey, row.RowKey)
            {
                ["Status"] = decision.ToString(),
                ["DecidedAt"] = StateKeys.ToStored(at),
                ["DecidedBy"] = by,
            };
            try
            {
                await _table.UpdateEntityAsync(update, row.ETag, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
                return (ChangeOutcome.Applied, match with { Status = decision, DecidedAt = at, DecidedBy = by });
            }
            catch (RequestFailedException exception) when (exception.Status == 412 && attempt < _maxRetries)
            {
                // Someone decided meanwhile: look again.
            }
        }
    }

    private static TableEntity ToEntity(HeldPossibleMatch match)
    {
        var row = new TableEntity(StateKeys.Legal(match.Id), Row)
        {
            ["MatchId"] = match.Id,
            ["ClientId"] = match.ClientId,
            ["SourceFile"] = match.Source.SourceFile,
            ["JsonPath"] = match.Source.JsonPath ?? string.Empty,
            ["Reason"] = match.Reason,
            ["Payload"] = match.Payload,
            ["Status"] = match.Status.ToString(),
            ["HeldAt"] = StateKeys.ToStored(match.HeldAt),
        };
        if (match.OwningTeam is { Length: > 0 } team)
        {
            row["OwningTeam"] = team;
        }

        if (match.Source.Line is { } line)
        {
            row["Line"] = line;
        }

        if (match.Weight is { } weight)
        {
            // The parts are field names, agreement levels and numbers only: nothing about the person.
            row["Weight"] = weight.Total;
            row["WeightParts"] = System.Text.Json.JsonSerializer.Serialize(weight.Parts.Select(p => new[] { p.Field, p.Level, p.Weight.ToString("R", System.Globalization.CultureInfo.InvariantCulture) }));
        }

        return row;
    }

    private static HeldPossibleMatch ToMatch(TableEntity row) => new(
        row.GetString("MatchId") ?? row.PartitionKey,
        row.GetString("ClientId") ?? string.Empty,
        new SourceRef(row.GetString("SourceFile") ?? string.Empty, row.GetInt32("Line"), row.GetString("JsonPath") is { Length: > 0 } path ? path : null),
        row.GetString("Reason") ?? string.Empty,
        row.GetString("Payload") ?? string.Empty,
        Enum.Parse<PossibleMatchStatus>(row.GetString("Status") ?? nameof(PossibleMatchStatus.Held)),
        StateKeys.FromStored(row.GetDateTimeOffset("HeldAt") ?? DateTimeOffset.UnixEpoch),
        row.GetDateTimeOffset("DecidedAt") is { } decided ? StateKeys.FromStored(decided) : null,
        row.GetString("DecidedBy") is { Length: > 0 } by ? by : null,
        ReadWeight(row),
        row.GetString("OwningTeam") is { Length: > 0 } team ? team : null);

    private static MatchWeight? ReadWeight(TableEntity row)
    {
        if (row.GetDouble("Weight") is not { } total)
        {
            return null;
        }

        var parts = System.Text.Json.JsonSerializer.Deserialize<string[][]>(row.GetString("WeightParts") ?? "[]") ?? [];
        return new MatchWeight(total, [.. parts.Where(p => p.Length == 3)
            .Select(p => new MatchWeightPart(p[0], p[1], double.Parse(p[2], System.Globalization.CultureInfo.InvariantCulture)))]);
    }
}
