using System.Globalization;
using ContinuityOfCare.Core.Events;
using ContinuityOfCare.Core.Obligations;
using ContinuityOfCare.Hub.State;
using Azure.Data.Tables;
using ContinuityOfCare.Testing;
using NodaTime;
using Xunit;

namespace ContinuityOfCare.FunctionApp.Tests.State;

[Collection(StateAzuriteCollection.Name)]
public sealed class ObligationStoreTests(AzuriteFixture azurite)
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly Instant Now = Instant.FromUtc(2026, 12, 29, 10, 30);

    /// <summary>architecture.md "Reliability rules": obligation id = rule + event; insert-if-absent.</summary>
    [Fact]
    public async Task ReliabilityRules_OpenSameObligationTwice_StoresOneRowAndOneIndexRowEach()
    {
        var context = await StateTestContext.CreateAsync(azurite);
        var opening = Opening(1, Now + Duration.FromHours(5));

        Assert.Equal(ChangeOutcome.Applied, (await context.State.Obligations.OpenAsync(opening, None)).Outcome);
        Assert.Equal(ChangeOutcome.AlreadyApplied, (await context.State.Obligations.OpenAsync(opening, None)).Outcome);
        Assert.Equal(0, await context.State.Obligations.OpenManyAsync([opening], None));

        Assert.Single(await context.RowsAsync(TableNames.Obligations));
        Assert.Single(await context.RowsAsync(TableNames.ObligationsByDue));
        Assert.Single(await context.RowsAsync(TableNames.ObligationsByOwner));
        var stored = (await context.State.Obligations.GetAsync(opening.Obligation.Id, None))!;
        Assert.Equal(opening.Obligation, stored.Obligation);
        Assert.Equal("client-1", stored.ClientId);
        Assert.Equal("event-1", stored.EventId);
    }

    [Fact]
    public async Task OpenMany_WithSomeAlreadyOpen_OpensOnlyTheNewOnes()
    {
        var context = await StateTestContext.CreateAsync(azurite);
        var openings = Enumerable.Range(1, 300).Select(i => Opening(i, Now + Duration.FromHours(i))).ToList();
        await context.State.Obligations.OpenManyAsync(openings.Take(120), None);

        Assert.Equal(180, await context.State.Obligations.OpenManyAsync(openings, None));

        Assert.Equal(300, (await context.RowsAsync(TableNames.Obligations)).Count);
        Assert.Equal(300, (await context.RowsAsync(TableNames.ObligationsByDue)).Count);
    }

    [Fact]
    public async Task Open_AfterFulfilment_DoesNotReopenOrReturnToTheDueIndex()
    {
        var context = await StateTestContext.CreateAsync(azurite);
        var opening = Opening(1, Now - Duration.FromHours(1));
        await context.State.Obligations.OpenAsync(opening, None);
        await context.State.Obligations.FulfilAsync(opening.Obligation.Id, Now, "user-1", null, None);

        var again = await context.State.Obligations.OpenAsync(opening, None);

        Assert.Equal(ChangeOutcome.AlreadyApplied, again.Outcome);
        Assert.Equal(ObligationState.FulfilledLate, again.Obligation!.Obligation.State);
        Assert.Empty(await context.RowsAsync(TableNames.ObligationsByDue));
        Assert.Empty(await context.State.Obligations.QueryOverdueAsync(Now, None).ToListAsync());
    }

    /// <summary>
    /// architecture.md "State": "due before T and open" is a cheap query — the due index holds only open
    /// obligations: 2,000 open, 47 past due of which 10 fulfilled → exactly 37 index rows read.
    /// </summary>
    [Fact]
    public async Task State_DueIndex_ReadsExactlyTheOverdueOpenObligations()
    {
        var context = await StateTestContext.CreateAsync(azurite);
        var store = context.State.Obligations;
        var openings = new List<NewObligation>();
        for (var i = 0; i < 2000; i++)
        {
            // 47 past due: some days ago, some earlier today (same UTC day partition as now), one a tick before now.
            var due = i switch
            {
                < 30 => Now - Duration.FromDays(1 + (i % 9)) - Duration.FromMinutes(i),
                < 46 => Now - Duration.FromMinutes(1 + i),
                46 => Now - Duration.FromTicks(1),
                // Not overdue: exactly now (not past it), later today, and later days.
                47 => Now,
                < 60 => Now + Duration.FromMinutes(i),
                _ => Now + Duration.FromHours(i),
            };
            openings.Add(Opening(i, due));
        }

        Assert.Equal(2000, await store.OpenManyAsync(openings, None));
        var fulfilled = openings.Take(47).Where((_, i) => i % 5 == 0).Select(o => o.Obligation.Id).ToHashSet();
        Assert.Equal(10, fulfilled.Count);
        foreach (var id in fulfilled)
        {
            Assert.Equal(ChangeOutcome.Applied, (await store.FulfilAsync(id, Now, "user-1", "done", None)).Outcome);
        }

        var overdue = await store.QueryOverdueAsync(Now, None).ToListAsync();

        var expected = openings.Take(47).Select(o => o.Obligation.Id).Where(id => !fulfilled.Contains(id)).Order(StringComparer.Ordinal);
        Assert.Equal(expected, overdue.Select(o => o.ObligationId).Order(StringComparer.Ordinal));
        Assert.Equal(37, overdue.Count);
    }

    /// <summary>docs/domain.md "Escalation": each level at most once, ever; levels in order.</summary>
    [Fact]
    public async Task Escalation_EachLevelOnceEver_AndInOrder()
    {
        var context = await StateTestContext.CreateAsync(azurite);
        var store = context.State.Obligations;
        var opening = Opening(1, Now - Duration.FromDays(1));
        var id = opening.Obligation.Id;
        await store.OpenAsync(opening, None);

        Assert.Equal(ChangeOutcome.Refused, (await store.RecordEscalationAsync(id, 2, Now, EmailOf(id, 2), None)).Outcome);
        var first = await store.RecordEscalationAsync(id, 1, Now, EmailOf(id, 1), None);
        Assert.Equal(ChangeOutcome.Applied, first.Outcome);
        Assert.Equal(ObligationState.EscalatedLevel1, first.Obligation!.Obligation.State);
        Assert.Equal(ChangeOutcome.AlreadyApplied, (await store.RecordEscalationAsync(id, 1, Now + Duration.FromDays(1), EmailOf(id, 1), None)).Outcome);
        Assert.Equal(ChangeOutcome.Refused, (await store.RecordEscalationAsync(id, 3, Now, EmailOf(id, 3), None)).Outcome);
        Assert.Equal(ChangeOutcome.Applied, (await store.RecordEscalationAsync(id, 2, Now + Duration.FromDays(3), EmailOf(id, 2), None)).Outcome);

        // Still escalating: it stays in the due index (level 3 may follow).
        Assert.Single(await store.QueryOverdueAsync(Now + Duration.FromDays(4), None).ToListAsync());
        Assert.Equal(ChangeOutcome.Applied, (await store.RecordEscalationAsync(id, 3, Now + Duration.FromDays(6), EmailOf(id, 3), None)).Outcome);
        Assert.Equal(ChangeOutcome.AlreadyApplied, (await store.RecordEscalationAsync(id, 3, Now + Duration.FromDays(7), EmailOf(id, 3), None)).Outcome);

        var stored = (await store.GetAsync(id, None))!;
        Assert.Equal(new[] { 1, 2, 3 }, stored.Escalations.Select(e => e.Level));
        Assert.Equal(Now, stored.Escalations[0].SentAt);
        // Each level records the outbox id of its email, the first recording's (the outbox row holds its delivery).
        Assert.Equal([EmailOf(id, 1), EmailOf(id, 2), EmailOf(id, 3)], stored.EscalationEmails.OrderBy(e => e.Key).Select(e => e.Value));
        Assert.Equal(3, (await context.RowsAsync(TableNames.Obligations)).Count(r => r.GetString("Type") == "escalation"));
        // After the last level there is nothing left to escalate: it leaves the due index.
        Assert.Empty(await context.RowsAsync(TableNames.ObligationsByDue));
    }

    [Fact]
    public async Task Escalation_BeforeDue_IsRefused_AndUnknownIsNotFound()
    {
        var context = await StateTestContext.CreateAsync(azurite);
        var opening = Opening(1, Now + Duration.FromHours(1));
        await context.State.Obligations.OpenAsync(opening, None);

        Assert.Equal(ChangeOutcome.Refused, (await context.State.Obligations.RecordEscalationAsync(opening.Obligation.Id, 1, Now, EmailOf(opening.Obligation.Id, 1), None)).Outcome);
        Assert.Equal(ChangeOutcome.NotFound, (await context.State.Obligations.RecordEscalationAsync("nope", 1, Now, EmailOf("nope", 1), None)).Outcome);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => context.State.Obligations.RecordEscalationAsync("x", 4, Now, EmailOf("x", 4), None));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => context.State.Obligations.RecordEscalationAsync("x", 0, Now, EmailOf("x", 0), None));
    }

    /// <summary>docs/domain.md "Escalation": each level once, ever — however many sweeps and deadline checks race.</summary>
    [Fact]
    public async Task Escalation_ConcurrentRecordersOfOneLevel_ExactlyOneApplies()
    {
        var context = await StateTestContext.CreateAsync(azurite);
        var opening = Opening(1, Now - Duration.FromHours(2));
        await context.State.Obligations.OpenAsync(opening, None);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            Task.Run(() => context.State.Obligations.RecordEscalationAsync(opening.Obligation.Id, 1, Now, EmailOf(opening.Obligation.Id, 1), None))));

        Assert.Single(outcomes, o => o.Outcome == ChangeOutcome.Applied);
        Assert.All(outcomes, o => Assert.Contains(o.Outcome, new[] { ChangeOutcome.Applied, ChangeOutcome.AlreadyApplied }));
        Assert.Single(await context.RowsAsync(TableNames.Obligations), r => r.GetString("Type") == "escalation");
    }

    /// <summary>architecture.md "Reliability rules": ETag-guarded updates — fulfilment racing an escalation ends consistent.</summary>
    [Fact]
    public async Task ReliabilityRules_FulfilRacingEscalation_EndsFulfilledAndConsistent()
    {
        var context = await StateTestContext.CreateAsync(azurite);
        var store = context.State.Obligations;
        var openings = Enumerable.Range(1, 25).Select(i => Opening(i, Now - Duration.FromHours(i))).ToList();
        await store.OpenManyAsync(openings, None);

        var races = openings.Select(async opening =>
        {
            var id = opening.Obligation.Id;
            var fulfil = Task.Run(() => store.FulfilAsync(id, Now, "user-1", "phoned", None));
            var escalate = Task.Run(() => store.RecordEscalationAsync(id, 1, Now, EmailOf(id, 1), None));
            return (Fulfil: await fulfil, Escalate: await escalate);
        });
        var results = await Task.WhenAll(races);

        var guardRows = (await context.RowsAsync(TableNames.Obligations)).Where(r => r.GetString("Type") == "escalation").Select(r => r.GetString("ObligationId")).ToHashSet();
        foreach (var (fulfil, escalate) in results)
        {
            Assert.Equal(ChangeOutcome.Applied, fulfil.Outcome);
            var stored = (await store.GetAsync(fulfil.Obligation!.Id, None))!;
            Assert.Equal(ObligationState.FulfilledLate, stored.Obligation.State);
            Assert.Equal("user-1", stored.ClosedBy);
            Assert.Contains(escalate.Outcome, new[] { ChangeOutcome.Applied, ChangeOutcome.Refused });
            // The guard row, the history on the obligation and the outcome agree.
            var escalated = escalate.Outcome == ChangeOutcome.Applied;
            Assert.Equal(escalated, stored.Escalations.Any(e => e.Level == 1));
            Assert.Equal(escalated, guardRows.Contains(stored.Id));
        }

        Assert.Empty(await context.RowsAsync(TableNames.ObligationsByDue));
    }

    [Fact]
    public async Task FulfilAndCancel_AreIdempotentAndExclusive()
    {
        var context = await StateTestContext.CreateAsync(azurite);
        var store = context.State.Obligations;
        var a = Opening(1, Now + Duration.FromHours(1));
        var b = Opening(2, Now + Duration.FromHours(1));
        await store.OpenManyAsync([a, b], None);

        Assert.Equal(ChangeOutcome.Applied, (await store.FulfilAsync(a.Obligation.Id, Now, "user-1", null, None)).Outcome);
        var again = await store.FulfilAsync(a.Obligation.Id, Now + Duration.FromDays(1), "user-2", null, None);
        Assert.Equal(ChangeOutcome.AlreadyApplied, again.Outcome);
        Assert.Equal(ObligationState.FulfilledOnTime, again.Obligation!.Obligation.State);
        Assert.Equal("user-1", again.Obligation.ClosedBy);
        Assert.Equal(ChangeOutcome.Refused, (await store.CancelAsync(a.Obligation.Id, Now, "event-9", "superseded", None)).Outcome);

        Assert.Equal(ChangeOutcome.Applied, (await store.CancelAsync(b.Obligation.Id, Now, "event-9", "superseded", None)).Outcome);
        Assert.Equal(ChangeOutcome.AlreadyApplied, (await store.CancelAsync(b.Obligation.Id, Now, "event-9", "superseded", None)).Outcome);
        Assert.Equal(ChangeOutcome.Refused, (await store.FulfilAsync(b.Obligation.Id, Now, "user-1", null, None)).Outcome);
        Assert.Equal(ChangeOutcome.NotFound, (await store.FulfilAsync("missing", Now, "user-1", null, None)).Outcome);
        Assert.Empty(await context.RowsAsync(TableNames.ObligationsByDue));
    }

    /// <summary>docs/api.md: GET /api/obligations?owner=&amp;status=&amp;dueBefore=.</summary>
    [Fact]
    public async Task Query_ByOwnerStatusAndDueBefore()
    {
        var context = await StateTestContext.CreateAsync(azurite);
        var store = context.State.Obligations;
        var openings = Enumerable.Range(1, 12).Select(i => Opening(i, Now + Duration.FromHours(i - 6), owner: i % 2 == 0 ? "CJIT01" : "LEI")).ToList();
        await store.OpenManyAsync(openings, None);
        await store.FulfilAsync(openings[1].Obligation.Id, Now, "user-1", null, None); // CJIT01, due Now-4h
        await store.RecordEscalationAsync(openings[3].Obligation.Id, 1, Now, EmailOf(openings[3].Obligation.Id, 1), None);   // CJIT01, due Now-2h

        var cjit = await store.QueryAsync(new ObligationQuery(Owner: "CJIT01"), None);
        Assert.Equal(6, cjit.Count);
        Assert.All(cjit, o => Assert.Equal("CJIT01", o.Obligation.OwnerOrganisationId));

        var cjitOpenSoon = await store.QueryAsync(new ObligationQuery("CJIT01", new HashSet<ObligationState> { ObligationState.Open }, Now + Duration.FromMinutes(1)), None);
        Assert.Equal(new[] { openings[5].Obligation.Id }, cjitOpenSoon.Select(o => o.Id)); // the only open CJIT01 one due by then

        var overdueAnyOwner = await store.QueryAsync(new ObligationQuery(null, new HashSet<ObligationState> { ObligationState.Open, ObligationState.EscalatedLevel1 }, Now), None);
        Assert.Equal(openings.Take(5).Where((_, i) => i != 1).Select(o => o.Obligation.Id), overdueAnyOwner.Select(o => o.Id));

        var fulfilled = await store.QueryAsync(new ObligationQuery(States: new HashSet<ObligationState> { ObligationState.FulfilledOnTime, ObligationState.FulfilledLate }), None);
        Assert.Equal(new[] { openings[1].Obligation.Id }, fulfilled.Select(o => o.Id));
        Assert.Equal(12, (await store.QueryAsync(new ObligationQuery(), None)).Count);
    }

    internal static NewObligation Opening(int i, Instant due, string owner = "CJIT01")
    {
        var eventId = "event-" + i.ToString(CultureInfo.InvariantCulture);
        var id = DeterministicIds.Obligation(RuleIds.CjitDirToPrison, eventId);
        var obligation = new Obligation(id, RuleIds.CjitDirToPrison, owner, due - Duration.FromDays(1), due, false, ObligationPriority.Standard);
        return new NewObligation(obligation, "client-" + i.ToString(CultureInfo.InvariantCulture), eventId, "Send the DIR to the prison SMT");
    }

    private static string EmailOf(string obligationId, int level) => ContinuityOfCare.Hub.Pipeline.Escalator.EmailIdOf(obligationId, level);

    private static TableEntity DueRow(Obligation obligation) =>
        new(obligation.Due.InUtc().Date.ToString("yyyyMMdd", CultureInfo.InvariantCulture),
            obligation.Due.ToDateTimeOffset().UtcTicks.ToString("D19", CultureInfo.InvariantCulture) + "_" + obligation.Id)
        {
            ["ObligationId"] = obligation.Id,
            ["Due"] = obligation.Due.ToDateTimeOffset(),
        };
}
