using Azure.Data.Tables;
using ContinuityOfCare.Core.Obligations;
using ContinuityOfCare.Hub.Console;
using ContinuityOfCare.Hub.State;
using ContinuityOfCare.Testing;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Testing;
using Xunit;

namespace ContinuityOfCare.FunctionApp.Tests.State;

/// <summary>
/// docs/state.md "Open indexes": the console's open lists (obligations and tasks) read by key range and continuation
/// token show exactly the open ones, each once, in order — after fulfilments, cancellations, escalations, redeliveries,
/// and index rows left behind by a change that stopped half-way.
/// </summary>
[Collection(StateAzuriteCollection.Name)]
public sealed class OpenIndexTests(AzuriteFixture azurite)
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly Instant Now = Instant.FromUtc(2026, 12, 24, 17, 0);
    private static readonly string[] Teams = ["TEAMA", "TEAMB", "TEAMC"];

    [Fact]
    public async Task Fulfilled_and_cancelled_obligations_leave_the_open_lists_and_escalated_ones_stay_with_their_level()
    {
        var context = await StateTestContext.CreateAsync(azurite);
        var store = context.State.Obligations;
        await store.OpenManyAsync(Enumerable.Range(0, 6).Select(i => Opening(i, Teams[i % 2], Now + Duration.FromHours(i - 3))), None);

        await store.FulfilAsync("ob-0", Now, "user", null, None);
        await store.CancelAsync("ob-3", Now, "user", "superseded", None);
        await store.RecordEscalationAsync("ob-1", 1, Now, "", None);

        var pager = Pager(context, pageSize: 10);
        var all = await pager.ReadAsync(Filter("active"), null, None);
        Assert.Equal(["ob-1", "ob-2", "ob-4", "ob-5"], all.Rows.Select(r => r.Id));
        Assert.Equal(ObligationState.EscalatedLevel1, all.Rows[0].Obligation.State);
        Assert.Equal(["ob-1", "ob-5"], (await pager.ReadAsync(Filter("active"), ["TEAMB"], None)).Rows.Select(r => r.Id));
        Assert.Equal(["ob-5", "ob-4", "ob-2", "ob-1"], (await pager.ReadAsync(Filter("active") with { Descending = true }, ["TEAMA", "TEAMB"], None)).Rows.Select(r => r.Id));
        Assert.Equal(["ob-2", "ob-1"], (await pager.ReadAsync(Filter("overdue") with { Descending = true }, ["TEAMA", "TEAMB"], None)).Rows.Select(r => r.Id));
        Assert.Equal(["ob-1"], (await pager.ReadAsync(Filter("escalated1"), null, None)).Rows.Select(r => r.Id));
        // Overdue: due before now and not fulfilled, whatever the level.
        Assert.Equal(["ob-1", "ob-2"], (await pager.ReadAsync(Filter("overdue"), null, None)).Rows.Select(r => r.Id));
        // Every team, latest due first (the open index read backwards): still only the past-due ones.
        Assert.Equal(["ob-2", "ob-1"], (await pager.ReadAsync(Filter("overdue") with { Descending = true }, null, None)).Rows.Select(r => r.Id));
        Assert.Equal(["ob-5", "ob-4", "ob-2", "ob-1"], (await pager.ReadAsync(Filter("active") with { Descending = true }, null, None)).Rows.Select(r => r.Id));
        Assert.DoesNotContain(await context.RowsAsync(TableNames.ObligationsOpen), row => row.GetString("ObligationId") is "ob-0" or "ob-3");
    }

    [Fact]
    public async Task An_index_row_left_by_a_close_that_stopped_half_way_is_not_shown_and_is_removed()
    {
        var context = await StateTestContext.CreateAsync(azurite);
        var store = context.State.Obligations;
        await store.OpenManyAsync([Opening(1, "TEAMA", Now), Opening(2, "TEAMA", Now + Duration.FromHours(1))], None);
        var before = await context.RowsAsync(TableNames.ObligationsOpen);
        await store.FulfilAsync("ob-1", Now, "user", null, None);
        await store.RecordEscalationAsync("ob-2", 1, Now + Duration.FromHours(2), "", None);
        // As if the close had stopped before leaving the index, and the escalation before updating it.
        var open = context.Tables.Get(TableNames.ObligationsOpen);
        foreach (var row in before.Where(r => r.PartitionKey != "_meta"))
        {
            await open.UpsertEntityAsync(row, TableUpdateMode.Replace);
        }

        var page = await Pager(context, pageSize: 10).ReadAsync(Filter("active"), null, None);

        var shown = Assert.Single(page.Rows);
        Assert.Equal(("ob-2", ObligationState.EscalatedLevel1), (shown.Id, shown.Obligation.State));
        var after = (await context.RowsAsync(TableNames.ObligationsOpen)).Where(r => r.PartitionKey.StartsWith("_all", StringComparison.Ordinal)).ToList();
        Assert.Equal(["ob-2"], after.Select(r => r.GetString("ObligationId")));
        Assert.Equal(nameof(ObligationState.EscalatedLevel1), after[0].GetString("State"));
    }

    [Fact]
    public async Task Latest_first_pages_skip_and_remove_an_index_row_left_by_a_close_that_stopped_half_way()
    {
        var context = await StateTestContext.CreateAsync(azurite);
        var store = context.State.Obligations;
        await store.OpenManyAsync(Enumerable.Range(0, 5).Select(i => Opening(i, "TEAMA", Now + Duration.FromHours(i))), None);
        var before = await context.RowsAsync(TableNames.ObligationsOpen);
        await store.FulfilAsync("ob-4", Now, "user", null, None);
        await store.CancelAsync("ob-2", Now, "user", null, None);
        var open = context.Tables.Get(TableNames.ObligationsOpen);
        foreach (var row in before.Where(r => r.PartitionKey != "_meta"))
        {
            await open.UpsertEntityAsync(row, TableUpdateMode.Replace);
        }

        var pager = Pager(context, pageSize: 2);
        Assert.Equal(["ob-3", "ob-1", "ob-0"], await AllObligationIdsAsync(pager, null, Filter("active") with { Descending = true }));
        Assert.DoesNotContain(await context.RowsAsync(TableNames.ObligationsOpen),
            row => row.PartitionKey.StartsWith("_all", StringComparison.Ordinal) && row.GetString("ObligationId") is "ob-2" or "ob-4");
        Assert.Equal(["ob-3", "ob-1", "ob-0"], await AllObligationIdsAsync(pager, ["TEAMA"], Filter("active") with { Descending = true }));
        Assert.DoesNotContain(await context.RowsAsync(TableNames.ObligationsOpen), row => row.GetString("ObligationId") is "ob-2" or "ob-4");
    }

    /// <summary>
    /// Every team, latest due first, over due instants years apart (the first page finds the latest day, the windows
    /// grow back over the gaps): each not-yet-closed obligation once, level 3 included; past due only stops at now.
    /// </summary>
    [Fact]
    public async Task Latest_first_every_team_pages_reach_obligations_years_apart_and_past_due_only_stops_at_now()
    {
        var context = await StateTestContext.CreateAsync(azurite);
        var store = context.State.Obligations;
        double[] days = [-3000, -400, -30, -2, -0.01, 0.01, 0.5, 3, 100, 2000];
        await store.OpenManyAsync(days.Select((d, i) => Opening(i, Teams[i % 3], Now + Duration.FromDays(d))), None);
        for (var level = 1; level <= 3; level++)
        {
            await store.RecordEscalationAsync("ob-3", level, Now, "", None);
        }

        Assert.Equal(ObligationState.EscalatedLevel3, (await store.GetAsync("ob-3", None))!.Obligation.State);
        var pager = Pager(context, pageSize: 3);
        var latestFirst = Filter("active") with { Descending = true };
        Assert.Equal(Enumerable.Range(0, days.Length).Reverse().Select(i => $"ob-{i}"), await AllObligationIdsAsync(pager, null, latestFirst));
        Assert.Equal(["ob-4", "ob-3", "ob-2", "ob-1", "ob-0"], await AllObligationIdsAsync(pager, null, Filter("overdue") with { Descending = true }));
        Assert.Equal(["ob-3"], await AllObligationIdsAsync(pager, null, Filter("escalated3") with { Descending = true }));
        Assert.Equal(["ob-9", "ob-6", "ob-3", "ob-0"], await AllObligationIdsAsync(pager, ["TEAMA"], latestFirst));

        // The first page remembers where the rows end; an obligation due later is still first, and when the latest
        // ones close the page goes back from there.
        await store.OpenAsync(Opening(10, "TEAMB", Now + Duration.FromDays(2500)), None);
        Assert.Equal(["ob-10", "ob-9", "ob-8"], (await pager.ReadAsync(latestFirst, null, None)).Rows.Select(r => r.Id));
        await store.FulfilAsync("ob-10", Now, "user", null, None);
        await store.FulfilAsync("ob-9", Now, "user", null, None);
        Assert.Equal(["ob-8", "ob-7", "ob-6"], (await pager.ReadAsync(latestFirst, null, None)).Rows.Select(r => r.Id));
        Assert.Equal(["ob-8", "ob-7", "ob-6"], (await pager.ReadAsync(latestFirst, null, None)).Rows.Select(r => r.Id));
    }

    [Fact]
    public async Task An_escalation_that_stopped_before_its_index_writes_is_finished_by_the_writes_a_rerun_makes()
    {
        var context = await StateTestContext.CreateAsync(azurite);
        var store = context.State.Obligations;
        await store.OpenManyAsync([Opening(1, "TEAMA", Now - Duration.FromHours(1))], None);
        var before = await context.RowsAsync(TableNames.ObligationsOpen);
        await store.RecordEscalationAsync("ob-1", 1, Now, "", None);
        var open = context.Tables.Get(TableNames.ObligationsOpen);
        foreach (var row in before.Where(r => r.PartitionKey != "_meta"))
        {
            await open.UpsertEntityAsync(row, TableUpdateMode.Replace);
        }

        // A status-filtered list reads the index's own state, so the stale row hides the escalated obligation.
        Assert.Empty((await Pager(context, pageSize: 10).ReadAsync(Filter("escalated1"), null, None)).Rows);

        var stored = await store.GetAsync("ob-1", None);
        await store.UpdateIndexesAfterEscalationAsync(stored!.Obligation, None);

        Assert.Equal(["ob-1"], (await Pager(context, pageSize: 10).ReadAsync(Filter("escalated1"), null, None)).Rows.Select(r => r.Id));
        Assert.All((await context.RowsAsync(TableNames.ObligationsOpen)).Where(r => r.PartitionKey != "_meta"),
            row => Assert.Equal(nameof(ObligationState.EscalatedLevel1), row.GetString("State")));
    }

    [Fact]
    public async Task Obligations_stored_before_the_open_index_are_backfilled_once()
    {
        var context = await StateTestContext.CreateAsync(azurite);
        var store = context.State.Obligations;
        await store.OpenManyAsync(Enumerable.Range(0, 4).Select(i => Opening(i, "TEAMA", Now + Duration.FromHours(i))), None);
        await store.FulfilAsync("ob-2", Now, "user", null, None);
        var open = context.Tables.Get(TableNames.ObligationsOpen);
        foreach (var row in await context.RowsAsync(TableNames.ObligationsOpen))
        {
            await open.DeleteEntityAsync(row.PartitionKey, row.RowKey);
        }

        Assert.Equal(3, await store.BackfillOpenIndexAsync(None));
        Assert.Equal(0, await store.BackfillOpenIndexAsync(None));
        var page = await Pager(context, pageSize: 10).ReadAsync(Filter("active"), ["TEAMA"], None);
        Assert.Equal(["ob-0", "ob-1", "ob-3"], page.Rows.Select(r => r.Id));
    }

    /// <summary>
    /// Any order of opens (some redelivered), fulfilments, cancellations and escalations (up to level 3): paging the
    /// every-team list and a two-team list by continuation token, 3 a page, returns every open obligation exactly once,
    /// earliest due first — and latest due first, where the past-due list stops at now.
    /// </summary>
    [Fact]
    public void Paging_by_token_returns_every_open_obligation_once_in_due_order_after_any_history()
    {
        var step = Gen.Zip(Gen.Choose(0, 11), Gen.Choose(0, 5));
        var histories = Gen.ListOf(step).Select(steps => steps.Take(30).ToList()).ToArbitrary();
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(12), Prop.ForAll(histories, history => Task.Run(() => HoldsAsync(history)).GetAwaiter().GetResult()));
    }

    [Fact]
    public async Task Resolved_tasks_leave_the_open_list_stale_rows_are_dropped_and_pages_return_each_task_once()
    {
        var context = await StateTestContext.CreateAsync(azurite);
        var tasks = context.State.Tasks;
        var added = new List<HubTask>();
        for (var i = 0; i < 10; i++)
        {
            var kind = i % 2 == 0 ? HubTaskKinds.Unroutable : HubTaskKinds.ConsentMissing;
            added.Add((await tasks.AddAsync(kind, Teams[i % 3], $"client-{i}", $"reason {i}", null, Now + Duration.FromMinutes(i), None)).Task);
        }

        // Redelivered later: stays one task, listed once, at its first creation instant.
        await tasks.AddAsync(added[4].Kind, added[4].Owner, added[4].ClientId, added[4].Reason, null, Now + Duration.FromHours(5), None);
        var staleRows = (await context.RowsAsync(TableNames.TasksOpen)).Where(r => r.GetString("TaskId") == added[7].Id).ToList();
        await tasks.ResolveAsync(added[1].ClientId, added[1].Id, "user", Now, None);
        await tasks.ResolveAsync(added[7].ClientId, added[7].Id, "user", Now, None);
        var open = context.Tables.Get(TableNames.TasksOpen);
        foreach (var row in staleRows)
        {
            await open.UpsertEntityAsync(row, TableUpdateMode.Replace);
        }

        var expected = added.Where((_, i) => i is not (1 or 7)).Select(t => t.Id).ToList();
        Assert.Equal(expected, await AllTaskIdsAsync(tasks, null, null));
        Assert.Equal(expected.Where(id => added.First(t => t.Id == id).Owner is "TEAMA" or "TEAMC"), await AllTaskIdsAsync(tasks, ["TEAMA", "TEAMC"], null));
        Assert.Equal(expected.Where(id => added.First(t => t.Id == id).Kind == HubTaskKinds.Unroutable), await AllTaskIdsAsync(tasks, null, HubTaskKinds.Unroutable));
        // Each stale row is removed by the reader that meets it: the every-team list's, and the owner's once read.
        Assert.DoesNotContain(await context.RowsAsync(TableNames.TasksOpen), row => row.PartitionKey == TaskStore.OpenEveryTeam && row.GetString("TaskId") == added[7].Id);
        Assert.DoesNotContain(added[7].Id, await AllTaskIdsAsync(tasks, [added[7].Owner], null));
        Assert.DoesNotContain(await context.RowsAsync(TableNames.TasksOpen), row => row.GetString("TaskId") is { } id && (id == added[1].Id || id == added[7].Id));
    }

    private async Task<bool> HoldsAsync(List<(int Item, int Action)> history)
    {
        var context = await StateTestContext.CreateAsync(azurite);
        var store = context.State.Obligations;
        foreach (var (item, action) in history)
        {
            // Due instants from two days before now to a day after (several UTC days, past the first window), some
            // equal (the id breaks the tie); owners across three teams.
            var opening = Opening(item, Teams[item % 3], Now + Duration.FromHours(((item % 6) - 3) * 15));
            _ = action switch
            {
                0 or 1 => await store.OpenAsync(opening, None),
                2 => await store.FulfilAsync(opening.Obligation.Id, Now, "user", null, None),
                3 => await store.CancelAsync(opening.Obligation.Id, Now, "user", null, None),
                // The next level after those recorded (level 3 at most).
                _ => await store.GetAsync(opening.Obligation.Id, None) is { Escalations.Count: < 3 and var sent }
                    ? await store.RecordEscalationAsync(opening.Obligation.Id, sent + 1, Now, "", None)
                    : null,
            };
        }

        var truth = new List<StoredObligation>();
        foreach (var id in history.Select(h => $"ob-{h.Item}").Distinct())
        {
            if (await store.GetAsync(id, None) is { Obligation.IsClosed: false } stored)
            {
                truth.Add(stored);
            }
        }

        var expected = truth.OrderBy(s => s.Obligation.Due).ThenBy(s => s.Id, StringComparer.Ordinal).Select(s => s.Id).ToList();
        var ofTwoTeams = expected.Where(id => truth.First(s => s.Id == id).Obligation.OwnerOrganisationId is "TEAMA" or "TEAMC").ToList();
        var pastDue = expected.Where(id => truth.First(s => s.Id == id).Obligation.Due < Now).ToList();
        var pager = Pager(context, pageSize: 3);
        var latestFirst = Filter("active") with { Descending = true };
        return (await AllObligationIdsAsync(pager, null)).SequenceEqual(expected)
            && (await AllObligationIdsAsync(pager, ["TEAMA", "TEAMC"])).SequenceEqual(ofTwoTeams)
            && (await AllObligationIdsAsync(pager, null, latestFirst)).SequenceEqual(expected.AsEnumerable().Reverse())
            && (await AllObligationIdsAsync(pager, ["TEAMA", "TEAMC"], latestFirst)).SequenceEqual(ofTwoTeams.AsEnumerable().Reverse())
            && (await AllObligationIdsAsync(pager, null, Filter("overdue") with { Descending = true })).SequenceEqual(pastDue.AsEnumerable().Reverse());
    }

    private static async Task<List<string>> AllObligationIdsAsync(ObligationPager pager, IReadOnlyList<string>? owners, ObligationListFilter? first = null)
    {
        var ids = new List<string>();
        var filter = first ?? Filter("active");
        for (var guard = 0; guard < 100; guard++)
        {
            var page = await pager.ReadAsync(filter, owners, None);
            ids.AddRange(page.Rows.Select(r => r.Id));
            if (!page.HasNext)
            {
                return ids;
            }

            filter = filter with { Page = filter.Page + 1, After = page.Next };
        }

        throw new InvalidOperationException("paging did not end");
    }

    private static async Task<List<string>> AllTaskIdsAsync(TaskStore tasks, IReadOnlyList<string>? owners, string? kind)
    {
        var ids = new List<string>();
        string? after = null;
        for (var guard = 0; guard < 100; guard++)
        {
            var page = await tasks.ListOpenPageAsync(owners, kind, after, 3, None);
            ids.AddRange(page.Tasks.Select(t => t.Id));
            if (page.Next is null)
            {
                return ids;
            }

            after = page.Next;
        }

        throw new InvalidOperationException("paging did not end");
    }

    private static ObligationPager Pager(StateTestContext context, int pageSize) =>
        new(context.Tables, context.State.Obligations, Options.Create(new ConsoleOptions { PageSize = pageSize }), new FakeClock(Now), new OpenIndexEnd());

    private static ObligationListFilter Filter(string status) => new(null, null, status, Descending: false, Page: 1);

    private static NewObligation Opening(int i, string team, Instant due) =>
        new(new Obligation($"ob-{i}", RuleIds.All[0], team, due - Duration.FromDays(1), due, false, ObligationPriority.Standard), $"client-{i}", $"event-{i}", "a test obligation");
}
