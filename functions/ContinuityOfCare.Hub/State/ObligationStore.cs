using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Azure;
using ContinuityOfCare.Core.Obligations;
using Azure.Data.Tables;
using ContinuityOfCare.Hub.Storage;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace ContinuityOfCare.Hub.State;

/// <summary>
/// Obligations in Table storage (architecture.md "State": partitioned so that "due before T and open" is cheap).
/// The obligation row and its indexes, docs/state.md "obligations":
/// <list type="bullet">
/// <item><c>obligations</c>: the truth, one row per obligation plus one guard row per escalation level sent;</item>
/// <item><c>obligationsdue</c>: one row per open obligation by UTC due day, deleted when it closes or reaches the last
/// level, so "due before T and open" (the API's list, <c>coc status</c>) reads only those rows;</item>
/// <item><c>obligationsowner</c>: owner and due per obligation, for queries by owner;</item>
/// <item><c>obligationsopen</c>: every not-yet-closed obligation (all levels) in due order, once for every team and once
/// in its owner's partition, with its state: the console's lists read a page of it as one key range (latest due
/// first, the last keys of one);</item>
/// <item><c>obligationsclosed</c>: every closed obligation in its owner's partition in due order, with its state: the
/// console's closed lists.</item>
/// </list>
/// Index rows are written before the obligation and removed after it closes, so a crash between steps can leave an
/// extra index row (ignored and removed when met) but never an open obligation the sweep cannot see. The closed index
/// is the other way round: its row is written after the close (truth first), before the open rows are removed, so a
/// close that stopped before it leaves an open-index row whose reader, or the close's retry, writes it. Every change
/// is ETag-guarded and re-read on 412 (architecture.md "Reliability rules").
/// </summary>
public sealed partial class ObligationStore
{
    private readonly TableClient _obligations;
    private readonly TableClient _byDue;
    private readonly TableClient _byOwner;
    private readonly TableClient _open;
    private readonly TableClient _closed;
    private readonly StateOptions _options;
    private readonly ILogger<ObligationStore> _logger;

    /// <summary>Creates the store.</summary>
    public ObligationStore(StateTables tables, ILogger<ObligationStore> logger)
    {
        ArgumentNullException.ThrowIfNull(tables);
        _obligations = tables.Get(TableNames.Obligations);
        _byDue = tables.Get(TableNames.ObligationsByDue);
        _byOwner = tables.Get(TableNames.ObligationsByOwner);
        _open = tables.Get(TableNames.ObligationsOpen);
        _closed = tables.Get(TableNames.ObligationsClosed);
        _options = tables.Options;
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>
    /// Opens the obligation unless one with its id exists (insert-if-absent by the deterministic id). Opening again
    /// changes nothing, even after it was fulfilled.
    /// </summary>
    /// <returns><see cref="ChangeOutcome.Applied"/> when opened now, else <see cref="ChangeOutcome.AlreadyApplied"/>.</returns>
    /// <exception cref="ArgumentException">The obligation is not open.</exception>
    /// <exception cref="RequestFailedException">Storage failed (safe to retry).</exception>
    public async Task<ObligationChange> OpenAsync(NewObligation opening, CancellationToken cancellationToken)
    {
        CheckOpening(opening);
        var o = opening.Obligation;
        await _byOwner.UpsertEntityAsync(ObligationEntity.OwnerRow(o), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        await _byDue.UpsertEntityAsync(ObligationEntity.DueRow(o), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        await StateBatches.UpsertAsync(_open, ObligationEntity.OpenRows(o), _options.Parallelism, cancellationToken).ConfigureAwait(false);
        return await AddOrReconcileAsync(opening, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Opens many obligations with entity group transactions (index rows first, then obligations 100 per partition);
    /// a transaction meeting an existing obligation falls back to <see cref="OpenAsync"/>'s reconciliation per item.
    /// </summary>
    /// <returns>How many were opened now.</returns>
    /// <exception cref="RequestFailedException">Storage failed (safe to retry).</exception>
    public async Task<int> OpenManyAsync(IEnumerable<NewObligation> openings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(openings);
        var list = openings.ToList();
        list.ForEach(CheckOpening);
        await StateBatches.UpsertAsync(_byOwner, list.Select(n => ObligationEntity.OwnerRow(n.Obligation)), _options.Parallelism, cancellationToken).ConfigureAwait(false);
        await StateBatches.UpsertAsync(_byDue, list.Select(n => ObligationEntity.DueRow(n.Obligation)), _options.Parallelism, cancellationToken).ConfigureAwait(false);
        await StateBatches.UpsertAsync(_open, list.SelectMany(n => ObligationEntity.OpenRows(n.Obligation)), _options.Parallelism, cancellationToken).ConfigureAwait(false);

        var byRow = list.GroupBy(n => n.Obligation.Id, StringComparer.Ordinal).ToDictionary(g => ObligationEntity.Row(g.Key), g => g.Last(), StringComparer.Ordinal);
        var opened = 0;
        await StateBatches.ForEachChunkAsync(byRow.Values.Select(ObligationEntity.ToEntity), _options.Parallelism, cancellationToken, async (chunk, ct) =>
        {
            // A lone obligation of its partition goes straight to the per-item path (one insert when new).
            if (chunk.Count > 1)
            {
                try
                {
                    await _obligations.SubmitTransactionAsync(chunk.Select(row => new TableTransactionAction(TableTransactionActionType.Add, row)), ct).ConfigureAwait(false);
                    Interlocked.Add(ref opened, chunk.Count);
                    return;
                }
                catch (TableTransactionFailedException exception) when (exception.Status == 409)
                {
                    // One of them exists already: reconcile each on its own below.
                }
            }

            foreach (var row in chunk)
            {
                var change = await AddOrReconcileAsync(byRow[row.RowKey], ct).ConfigureAwait(false);
                if (change.Outcome == ChangeOutcome.Applied)
                {
                    Interlocked.Increment(ref opened);
                }
            }
        }).ConfigureAwait(false);
        return opened;
    }

    /// <summary>One obligation with its escalation history (one point read), or null.</summary>
    public async Task<StoredObligation?> GetAsync(string obligationId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(obligationId);
        var row = await ReadAsync(obligationId, cancellationToken).ConfigureAwait(false);
        return row is null ? null : ObligationEntity.ToStored(row);
    }

    /// <summary>
    /// Fulfils the obligation at <paramref name="at"/> (on time when at or before its due instant, else late).
    /// Fulfilling a fulfilled obligation again is <see cref="ChangeOutcome.AlreadyApplied"/> (the first
    /// fulfilment stands); a cancelled one is <see cref="ChangeOutcome.Refused"/>.
    /// </summary>
    /// <exception cref="RequestFailedException">Storage failed, or the row kept changing for <see cref="StateOptions.MaxConcurrencyRetries"/> attempts (412).</exception>
    public Task<ObligationChange> FulfilAsync(string obligationId, Instant at, string by, string? note, CancellationToken cancellationToken) =>
        CloseAsync(obligationId, o => o.Fulfil(at), by, note, fulfil: true, cancellationToken);

    /// <summary>Cancels the obligation (superseded); cancelling again is <see cref="ChangeOutcome.AlreadyApplied"/>, a fulfilled one is refused.</summary>
    /// <exception cref="RequestFailedException">Storage failed, or 412 after every retry.</exception>
    public Task<ObligationChange> CancelAsync(string obligationId, Instant at, string by, string? reason, CancellationToken cancellationToken) =>
        CloseAsync(obligationId, o => o.Cancel(at), by, reason, fulfil: false, cancellationToken);

    /// <summary>
    /// Records escalation level <paramref name="level"/> as escalated at <paramref name="sentAt"/> — each level once,
    /// ever (docs/domain.md "Escalation") — with the outbox id of its queued email, <paramref name="emailId"/> (empty
    /// when the level has no recipient, so no email). The guard row for (obligation, level) is inserted in one transaction
    /// with the state move, so a level is recorded exactly once however many sweeps or deadline checks race. An Open
    /// obligation past due becomes Overdue on the way to level 1. After the last level the obligation leaves the due index.
    /// </summary>
    /// <returns>
    /// Applied (recorded now: this caller owns the level); AlreadyApplied (recorded before: queue nothing new — the
    /// caller may still ask the outbox to send the one email, which its claim sends once); Refused
    /// (closed, not past due, or out of order); NotFound.
    /// </returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is not 1–3.</exception>
    /// <exception cref="RequestFailedException">Storage failed, or 412 after every retry.</exception>
    public async Task<ObligationChange> RecordEscalationAsync(string obligationId, int level, Instant sentAt, string emailId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(obligationId);
        ArgumentNullException.ThrowIfNull(emailId);
        ArgumentOutOfRangeException.ThrowIfLessThan(level, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(level, ObligationEntity.MaxLevel);
        for (var attempt = 1; ; attempt++)
        {
            var row = await ReadAsync(obligationId, cancellationToken).ConfigureAwait(false);
            if (row is null)
            {
                return new ObligationChange(ChangeOutcome.NotFound, null);
            }

            var stored = ObligationEntity.ToStored(row);
            if (stored.Escalations.Any(e => e.Level == level))
            {
                return new ObligationChange(ChangeOutcome.AlreadyApplied, stored);
            }

            if (stored.Obligation.WithEscalationSent(level, sentAt) is not { } escalated)
            {
                return new ObligationChange(ChangeOutcome.Refused, stored);
            }

            var update = new TableEntity(row.PartitionKey, row.RowKey)
            {
                [ObligationEntity.SentAtProperty(level)] = StateKeys.ToStored(sentAt),
                [ObligationEntity.EmailProperty(level)] = emailId,
            };
            ObligationEntity.SetState(update, escalated);
            var guard = new TableEntity(row.PartitionKey, ObligationEntity.EscalationRow(obligationId, level))
            {
                ["Type"] = ObligationEntity.TypeEscalation,
                ["ObligationId"] = obligationId,
                ["Level"] = level,
                ["SentAt"] = StateKeys.ToStored(sentAt),
                ["EmailId"] = emailId,
            };
            try
            {
                await _obligations.SubmitTransactionAsync(
                    [
                        new TableTransactionAction(TableTransactionActionType.Add, guard),
                        new TableTransactionAction(TableTransactionActionType.UpdateMerge, update, row.ETag),
                    ],
                    cancellationToken).ConfigureAwait(false);
            }
            catch (TableTransactionFailedException exception) when ((exception.Status == 409 || exception.Status == 412) && attempt < _options.MaxConcurrencyRetries)
            {
                // Someone changed the obligation (or recorded this level) since the read: decide again from the truth.
                continue;
            }

            await UpdateIndexesAfterEscalationAsync(escalated, cancellationToken).ConfigureAwait(false);

            var after = await GetAsync(obligationId, cancellationToken).ConfigureAwait(false);
            return new ObligationChange(ChangeOutcome.Applied, after);
        }
    }

    /// <summary>
    /// The index writes that follow an escalation's transaction: the open index's state rewritten, and at the last level
    /// the due-index row removed. Idempotent, so a re-run of an escalation whose first run stopped between its
    /// transaction and these writes finishes them (<see cref="Pipeline.Escalator"/> calls it for a level already
    /// recorded).
    /// </summary>
    public async Task UpdateIndexesAfterEscalationAsync(Obligation obligation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(obligation);
        if (obligation.IsClosed)
        {
            return;
        }

        if (obligation.State == ObligationState.EscalatedLevel3)
        {
            await RemoveFromDueIndexAsync(obligation, cancellationToken).ConfigureAwait(false);
        }

        await SetOpenIndexStateAsync(obligation, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The open-by-due index rows of obligations past due at <paramref name="now"/> (due strictly before it): every
    /// row of the day partitions before now's UTC day, then today's partition up to now. Reads no other row.
    /// </summary>
    public async IAsyncEnumerable<DueIndexEntry> QueryOverdueAsync(Instant now, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var today = StateKeys.Day(now);
        // Two range queries rather than one "or": each is a contiguous key range the service serves from its index.
        string[] filters =
        [
            TableClient.CreateQueryFilter($"PartitionKey lt {today}"),
            TableClient.CreateQueryFilter($"PartitionKey eq {today} and RowKey lt {StateKeys.Ticks(now)}"),
        ];
        foreach (var filter in filters)
        {
            await foreach (var row in _byDue.QueryAsync<TableEntity>(filter, 1000, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                yield return new DueIndexEntry(
                    row.GetString("ObligationId") ?? string.Empty,
                    StateKeys.FromStored(row.GetDateTimeOffset("Due") ?? DateTimeOffset.UnixEpoch))
                {
                    PartitionKey = row.PartitionKey,
                    RowKey = row.RowKey,
                    WrittenAt = row.Timestamp,
                };
            }
        }
    }

    /// <summary>
    /// Obligations matching <paramref name="query"/>, earliest due first. By owner: the owner index (owner and due
    /// never change) then a point read of each for its state. Without an owner, a due bound and only not-yet-closed
    /// states below the last level: the due index. Otherwise a filtered scan of the obligations table.
    /// </summary>
    public async Task<IReadOnlyList<StoredObligation>> QueryAsync(ObligationQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var states = query.States is { Count: > 0 } wanted ? wanted : null;
        bool Wanted(StoredObligation s) =>
            (states is null || states.Contains(s.Obligation.State))
            && (query.Owner is null || s.Obligation.OwnerOrganisationId == query.Owner)
            && (query.DueBefore is not { } before || s.Obligation.Due < before);

        List<StoredObligation> result;
        if (query.Owner is { } owner)
        {
            var filter = query.DueBefore is { } before
                ? TableClient.CreateQueryFilter($"PartitionKey eq {StateKeys.Legal(owner)} and Due lt {StateKeys.ToStored(before)}")
                : TableClient.CreateQueryFilter($"PartitionKey eq {StateKeys.Legal(owner)}");
            result = await ReadIdsAsync(_byOwner.QueryAsync<TableEntity>(filter, 1000, ["ObligationId"], cancellationToken), cancellationToken).ConfigureAwait(false);
        }
        else if (query.DueBefore is { } dueBefore && states is not null && states.All(s => s is ObligationState.Open or ObligationState.Overdue or ObligationState.EscalatedLevel1 or ObligationState.EscalatedLevel2))
        {
            var ids = new List<string>();
            await foreach (var entry in QueryOverdueAsync(dueBefore, cancellationToken).ConfigureAwait(false))
            {
                ids.Add(entry.ObligationId);
            }

            result = await ReadManyAsync(ids, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            result = [];
            var filter = TableClient.CreateQueryFilter($"Type eq {ObligationEntity.TypeObligation}");
            await foreach (var row in _obligations.QueryAsync<TableEntity>(filter, 1000, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                result.Add(ObligationEntity.ToStored(row));
            }
        }

        return [.. result.Where(Wanted).OrderBy(s => s.Obligation.Due).ThenBy(s => s.Id, StringComparer.Ordinal)];
    }

    private async Task<List<StoredObligation>> ReadIdsAsync(AsyncPageable<TableEntity> rows, CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        await foreach (var row in rows.ConfigureAwait(false))
        {
            ids.Add(row.GetString("ObligationId") ?? string.Empty);
        }

        return await ReadManyAsync(ids, cancellationToken).ConfigureAwait(false);
    }

    private async Task<List<StoredObligation>> ReadManyAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        var found = new ConcurrentBag<StoredObligation>();
        var options = new ParallelOptions { MaxDegreeOfParallelism = _options.Parallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(ids, options, async (id, ct) =>
        {
            if (await ReadAsync(id, ct).ConfigureAwait(false) is { } row)
            {
                found.Add(ObligationEntity.ToStored(row));
            }
        }).ConfigureAwait(false);
        return [.. found];
    }

    private async Task<ObligationChange> CloseAsync(string obligationId, Func<Obligation, Obligation> close, string by, string? note, bool fulfil, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(obligationId);
        ArgumentException.ThrowIfNullOrEmpty(by);
        for (var attempt = 1; ; attempt++)
        {
            var row = await ReadAsync(obligationId, cancellationToken).ConfigureAwait(false);
            if (row is null)
            {
                return new ObligationChange(ChangeOutcome.NotFound, null);
            }

            var stored = ObligationEntity.ToStored(row);
            if (stored.Obligation.IsClosed)
            {
                // Finish an earlier close that stopped before its index writes, then report what stands.
                await AddToClosedIndexAsync(stored.Obligation, cancellationToken).ConfigureAwait(false);
                await RemoveFromDueIndexAsync(stored.Obligation, cancellationToken).ConfigureAwait(false);
                await RemoveFromOpenIndexAsync(stored.Obligation, cancellationToken).ConfigureAwait(false);
                var same = fulfil ? stored.Obligation.State != ObligationState.Cancelled : stored.Obligation.State == ObligationState.Cancelled;
                return new ObligationChange(same ? ChangeOutcome.AlreadyApplied : ChangeOutcome.Refused, stored);
            }

            var closed = close(stored.Obligation);
            var update = new TableEntity(row.PartitionKey, row.RowKey)
            {
                ["ClosedBy"] = by,
                ["ClosingNote"] = note ?? string.Empty,
            };
            ObligationEntity.SetState(update, closed);
            try
            {
                await _obligations.UpdateEntityAsync(update, row.ETag, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException exception) when (exception.Status == 412 && attempt < _options.MaxConcurrencyRetries)
            {
                // Changed since the read (an escalation, another close): decide again from the new state.
                continue;
            }

            await AddToClosedIndexAsync(closed, cancellationToken).ConfigureAwait(false);
            await RemoveFromDueIndexAsync(closed, cancellationToken).ConfigureAwait(false);
            await RemoveFromOpenIndexAsync(closed, cancellationToken).ConfigureAwait(false);
            return new ObligationChange(ChangeOutcome.Applied, stored with { Obligation = closed, ClosedBy = by, ClosingNote = note });
        }
    }

    private async Task<ObligationChange> AddOrReconcileAsync(NewObligation opening, CancellationToken cancellationToken)
    {
        var o = opening.Obligation;
        try
        {
            await _obligations.AddEntityAsync(ObligationEntity.ToEntity(opening), cancellationToken).ConfigureAwait(false);
            return new ObligationChange(ChangeOutcome.Applied, new StoredObligation(o, opening.ClientId, opening.EventId, opening.MustDo, [], null, null));
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            // Opened before. The index rows just rewritten must not outlive it: remove them when the stored obligation
            // is closed or past its last level, or when they name a different due instant or owner.
            var stored = await GetAsync(o.Id, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException("An obligation row vanished after a conflict (rows are never deleted).");
            var s = stored.Obligation;
            if (s.IsClosed || s.Due != o.Due || stored.Escalations.Any(e => e.Level == ObligationEntity.MaxLevel))
            {
                await RemoveFromDueIndexAsync(o, cancellationToken).ConfigureAwait(false);
            }

            // The open index keeps every level; it must show the stored obligation, not the one just offered again.
            if (s.IsClosed || s.Due != o.Due || s.OwnerOrganisationId != o.OwnerOrganisationId)
            {
                await RemoveFromOpenIndexAsync(o, cancellationToken).ConfigureAwait(false);
            }

            if (!s.IsClosed)
            {
                await StateBatches.UpsertAsync(_open, ObligationEntity.OpenRows(s), _options.Parallelism, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await AddToClosedIndexAsync(s, cancellationToken).ConfigureAwait(false);
            }

            if (s.OwnerOrganisationId != o.OwnerOrganisationId || s.Due != o.Due)
            {
                var ownerRow = ObligationEntity.OwnerRow(o);
                await _byOwner.DeleteEntityAsync(ownerRow.PartitionKey, ownerRow.RowKey, ETag.All, cancellationToken).ConfigureAwait(false);
                await _byOwner.UpsertEntityAsync(ObligationEntity.OwnerRow(s), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            }

            return new ObligationChange(ChangeOutcome.AlreadyApplied, stored);
        }
    }

    /// <summary>
    /// Brings one open-index row in line with the obligation it names, as read now (<paramref name="truth"/>; null when
    /// there is none): deleted when the obligation is missing, closed, or due at another instant; its state rewritten
    /// when it differs. The console calls it for every stale row it meets, so a close or escalation that stopped
    /// between its writes is finished by the next reader (a closed obligation's closed-index row is written first).
    /// </summary>
    public async Task RepairOpenIndexRowAsync(string partitionKey, string rowKey, StoredObligation? truth, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(partitionKey);
        ArgumentException.ThrowIfNullOrEmpty(rowKey);
        if (truth is { Obligation.IsClosed: true })
        {
            await AddToClosedIndexAsync(truth.Obligation, cancellationToken).ConfigureAwait(false);
        }

        if (truth is null || truth.Obligation.IsClosed || ObligationEntity.DueRowKey(truth.Obligation) != rowKey)
        {
            await _open.DeleteEntityAsync(partitionKey, rowKey, ETag.All, cancellationToken).ConfigureAwait(false);
            return;
        }

        await SetOpenIndexStateAsync(truth.Obligation, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Writes the open index for obligations stored before it existed: every not-yet-closed obligation gets its rows (a
    /// filtered scan of <c>obligations</c>, once: a marker row records that it finished, so later starts skip it). Rows
    /// are upserts, so running it again, or beside opens and closes, is harmless: a row written for an obligation closed
    /// meanwhile is removed by the next reader that meets it.
    /// </summary>
    /// <returns>How many obligations were indexed (0 when the marker was there).</returns>
    public Task<int> BackfillOpenIndexAsync(CancellationToken cancellationToken) =>
        BackfillIndexAsync(_open, "open", obligation => obligation.IsClosed ? [] : ObligationEntity.OpenRows(obligation), cancellationToken);

    /// <summary>
    /// Brings one closed-index row in line with the obligation it names, as read now (<paramref name="truth"/>; null when
    /// there is none): deleted when the obligation is missing, not closed, or due at another instant or with another
    /// owner; its state rewritten when it differs. The console calls it for every wrong row it meets.
    /// </summary>
    public async Task RepairClosedIndexRowAsync(string partitionKey, string rowKey, StoredObligation? truth, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(partitionKey);
        ArgumentException.ThrowIfNullOrEmpty(rowKey);
        if (truth is null || !truth.Obligation.IsClosed || ObligationEntity.DueRowKey(truth.Obligation) != rowKey
            || StateKeys.Legal(truth.Obligation.OwnerOrganisationId) != partitionKey)
        {
            await _closed.DeleteEntityAsync(partitionKey, rowKey, ETag.All, cancellationToken).ConfigureAwait(false);
            return;
        }

        await AddToClosedIndexAsync(truth.Obligation, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Writes the closed index for obligations closed before it existed: every closed obligation gets its row (a
    /// filtered scan of <c>obligations</c>, once: a marker row in the closed index's <c>_meta</c> partition records that
    /// it finished, so later starts skip it). Rows are upserts of closed obligations, which never reopen, so running it
    /// again, or beside closes, is harmless.
    /// </summary>
    /// <returns>How many obligations were indexed (0 when the marker was there).</returns>
    public Task<int> BackfillClosedIndexAsync(CancellationToken cancellationToken) =>
        BackfillIndexAsync(_closed, "closed", obligation => obligation.IsClosed ? [ObligationEntity.ClosedRow(obligation)] : [], cancellationToken);

    /// <summary>The columns an index backfill reads of each obligation: what its index rows are made of.</summary>
    private static readonly string[] BackfillColumns = ["ObligationId", "RuleId", "Owner", "StartedAt", "Due", "LateFromStart", "Priority", "State", "ClosedAt"];

    /// <summary>
    /// One filtered scan of <c>obligations</c> (the columns an index row is made of), upserting each obligation's rows of
    /// <paramref name="index"/>, then the marker. A row this version cannot read is counted, logged (a count, no
    /// identifier) and left out, so one bad row cannot stop every start from finishing the backfill.
    /// </summary>
    private async Task<int> BackfillIndexAsync(TableClient index, string indexName, Func<Obligation, IEnumerable<TableEntity>> rowsOf, CancellationToken cancellationToken)
    {
        var marker = await index.GetEntityIfExistsAsync<TableEntity>(ObligationEntity.OpenMetaPartition, ObligationEntity.OpenBackfilledRow, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (marker.HasValue)
        {
            return 0;
        }

        int count = 0, unreadable = 0;
        var pending = new List<TableEntity>();
        var filter = TableClient.CreateQueryFilter($"Type eq {ObligationEntity.TypeObligation}");
        await foreach (var row in _obligations.QueryAsync<TableEntity>(filter, 1000, BackfillColumns, cancellationToken).ConfigureAwait(false))
        {
            Obligation obligation;
            try
            {
                obligation = ObligationEntity.ToStored(row).Obligation;
            }
            catch (Exception exception) when (exception is ArgumentException or FormatException or InvalidOperationException)
            {
                unreadable++;
                continue;
            }

            var rows = rowsOf(obligation).ToList();
            pending.AddRange(rows);
            count += rows.Count > 0 ? 1 : 0;
            if (pending.Count >= 2_000)
            {
                await StateBatches.UpsertAsync(index, pending, _options.Parallelism, cancellationToken).ConfigureAwait(false);
                pending.Clear();
            }
        }

        await StateBatches.UpsertAsync(index, pending, _options.Parallelism, cancellationToken).ConfigureAwait(false);
        await index.UpsertEntityAsync(new TableEntity(ObligationEntity.OpenMetaPartition, ObligationEntity.OpenBackfilledRow), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        if (unreadable > 0)
        {
            LogUnreadableSkipped(indexName, unreadable);
        }

        return count;
    }

    [LoggerMessage(EventId = 7121, Level = LogLevel.Warning, Message = "Backfill of the {Index} obligation index: {Unreadable} obligation rows could not be read and were left out")]
    private partial void LogUnreadableSkipped(string index, int unreadable);

    private async Task AddToClosedIndexAsync(Obligation obligation, CancellationToken cancellationToken) =>
        await _closed.UpsertEntityAsync(ObligationEntity.ClosedRow(obligation), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);

    private Task RemoveFromOpenIndexAsync(Obligation obligation, CancellationToken cancellationToken) =>
        StateBatches.DeleteAsync(_open, ObligationEntity.OpenKeys(obligation), _options.Parallelism, cancellationToken);

    /// <summary>Rewrites the state on the open-index rows that exist (merge; a row already removed by a close stays removed).</summary>
    private async Task SetOpenIndexStateAsync(Obligation obligation, CancellationToken cancellationToken)
    {
        foreach (var row in ObligationEntity.OpenRows(obligation))
        {
            try
            {
                await _open.UpdateEntityAsync(new TableEntity(row.PartitionKey, row.RowKey) { ["State"] = obligation.State.ToString() }, ETag.All, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException exception) when (exception.Status == 404)
            {
                // Closed meanwhile (or never indexed): nothing to show, so nothing to correct.
            }
        }
    }

    private async Task RemoveFromDueIndexAsync(Obligation obligation, CancellationToken cancellationToken)
    {
        var due = ObligationEntity.DueRow(obligation);
        await _byDue.DeleteEntityAsync(due.PartitionKey, due.RowKey, ETag.All, cancellationToken).ConfigureAwait(false);
    }

    private async Task<TableEntity?> ReadAsync(string obligationId, CancellationToken cancellationToken) =>
        (await _obligations.GetEntityIfExistsAsync<TableEntity>(ObligationEntity.Partition(obligationId), ObligationEntity.Row(obligationId), cancellationToken: cancellationToken).ConfigureAwait(false)).ValueOrNull();

    private static void CheckOpening(NewObligation opening)
    {
        ArgumentNullException.ThrowIfNull(opening);
        ArgumentNullException.ThrowIfNull(opening.Obligation);
        ArgumentException.ThrowIfNullOrEmpty(opening.ClientId);
        ArgumentException.ThrowIfNullOrEmpty(opening.EventId);
        if (opening.Obligation.State != ObligationState.Open)
        {
            throw new ArgumentException("Only an Open obligation can be opened.", nameof(opening));
        }
    }

}
