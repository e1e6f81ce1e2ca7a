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
/// docs/state.md "Open indexes" (the closed index): every path that closes an obligation writes its row in the closed
/// index, after the truth; a close that stopped before it is finished by the next reader or retry; stores written
/// before it are backfilled once; the console's closed lists read by key range show exactly the closed ones, each once.
/// </summary>
[Collection(StateAzuriteCollection.Name)]
public sealed class ClosedIndexTests(AzuriteFixture azurite)
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly Instant Now = Instant.FromUtc(2026, 12, 24, 17, 0);
    private static readonly string[] Teams = ["TEAMA", "TEAMB", "TEAMC"];

    [Fact]
    public async Task Fulfilling_on_time_or_late_and_cancelling_each_write_one_closed_row_with_state_and_rule()
    {
        var context = await StateTestContext.CreateAsync(azurite);
        var store = context.State.Obligations;
        await store.OpenManyAsync(Enumerable.Range(0, 4).Select(i => Opening(i, Teams[i % 2], Now + Duration.FromHours(i - 2))), None);

        await store.FulfilAsync("ob-0", Now, "user", null, None);
        await store.FulfilAsync("ob-3", Now, "user", null, None);
        await store.CancelAsync("ob-2", Now, "user", "superseded", None);
        // A retry of a close changes nothing.
        await store.FulfilAsync("ob-0", Now, "user", null, None);

        var rows = (await ClosedRowsAsync(context)).ToDictionary(r => r.GetString("ObligationId"), r => r);
        Assert.Equal(["ob-0", "ob-2", "ob-3"], rows.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(nameof(ObligationState.FulfilledLate), rows["ob-0"].GetString("State"));
        Assert.Equal(nameof(ObligationState.FulfilledOnTime), rows["ob-3"].GetString("State"));
        Assert.Equal(nameof(ObligationState.Cancelled), rows["ob-2"].GetString("State"));
        Assert.All(rows.Values, r => Assert.Equal(RuleIds.All[0], r.GetString("RuleId")));
        Assert.Equal(["TEAMA", "TEAMA", "TEAMB"], rows.Values.Select(r => r.PartitionKey).Order(StringComparer.Ordinal));
        var stored = await store.GetAsync("ob-3", None);
        Assert.Equal(ObligationEntity.DueRowKey(stored!.Obligation), rows["ob-3"].RowKey);

        var pager = Pager(context, pageSize: 10);
        Assert.Equal(["ob-0", "ob-2"], (await pager.ReadAsync(Filter("closed"), ["TEAMA"], None)).Rows.Select(r => r.Id));
        Assert.Equal(["ob-0"], (await pager.ReadAsync(Filter("fulfilled"), ["TEAMA"], None)).Rows.Select(r => r.Id));
        Assert.Equal(["ob-3", "ob-2", "ob-0"], (await pager.ReadAsync(Filter("closed") with { Descending = true }, ["TEAMA", "TEAMB"], None)).Rows.Select(r => r.Id));
        Assert.Empty((await pager.ReadAsync(Filter("closed") with { Rule = RuleIds.All[1] }, ["TEAMA", "TEAMB"], None)).Rows);
        // Every team's closed list needs a team.
        Assert.True((await pager.ReadAsync(Filter("closed"), null, None)).NeedsTeam);
    }

    [Fact]
    public async Task A_close_that_stopped_before_its_index_writes_is_finished_by_the_open_list_reader_or_by_the_retry()
    {
        var context = await StateTestContext.CreateAsync(azurite);
        var store = context.State.Obligations;
        await store.OpenManyAsync([Opening(1, "TEAMA", Now), Opening(2, "TEAMA", Now + Duration.FromHours(1))], None);
        var openBefore = await context.RowsAsync(TableNames.ObligationsOpen);
        await store.FulfilAsync("ob-1", Now, "user", null, None);
        await store.CancelAsync("ob-2", Now, "user", null, None);
        // As if both closes had stopped after writing the truth: open rows still there, no closed rows.
        var open = context.Tables.Get(TableNames.ObligationsOpen);
        foreach (var row in openBefore.Where(r => r.PartitionKey != "_meta"))
        {
            await open.UpsertEntityAsync(row, TableUpdateMode.Replace);
        }

        var closed = context.Tables.Get(TableNames.ObligationsClosed);
        foreach (var row in await ClosedRowsAsync(context))
        {
            await closed.DeleteEntityAsync(row.PartitionKey, row.RowKey);
        }

        Assert.Empty((await Pager(context, pageSize: 10).ReadAsync(Filter("active"), ["TEAMA"], None)).Rows);
        // The open list's reader met both and finished them.
        Assert.Equal(["ob-1", "ob-2"], (await ClosedRowsAsync(context)).Select(r => r.GetString("ObligationId")));

        foreach (var row in await ClosedRowsAsync(context))
        {
            await closed.DeleteEntityAsync(row.PartitionKey, row.RowKey);
        }

        Assert.Equal(ChangeOutcome.AlreadyApplied, (await store.CancelAsync("ob-2", Now, "user", null, None)).Outcome);
        Assert.Equal(["ob-2"], (await ClosedRowsAsync(context)).Select(r => r.GetString("ObligationId")));
    }

    [Fact]
    public async Task A_closed_row_naming_an_obligation_that_is_not_closed_or_is_gone_is_not_shown_and_is_removed()
    {
        var context = await StateTestContext.CreateAsync(azurite);
        var store = context.State.Obligations;
        await store.OpenManyAsync([Opening(1, "TEAMA", Now), Opening(2, "TEAMA", Now + Duration.FromHours(1))], None);
        await store.FulfilAsync("ob-2", Now, "user", null, None);
        var closed = context.Tables.Get(TableNames.ObligationsClosed);
        var open = (await store.GetAsync("ob-1", None))!.Obligation;
        await closed.UpsertEntityAsync(new TableEntity("TEAMA", ObligationEntity.DueRowKey(open)) { ["ObligationId"] = "ob-1", ["State"] = nameof(ObligationState.FulfilledOnTime), ["RuleId"] = open.RuleId });
        await closed.UpsertEntityAsync(new TableEntity("TEAMA", "0000000000000000001_ob-9") { ["ObligationId"] = "ob-9", ["State"] = nameof(ObligationState.Cancelled), ["RuleId"] = open.RuleId });

        foreach (var descending in new[] { false, true })
        {
            var page = await Pager(context, pageSize: 10).ReadAsync(Filter("closed") with { Descending = descending }, ["TEAMA"], None);
            Assert.Equal(["ob-2"], page.Rows.Select(r => r.Id));
        }

        Assert.Equal(["ob-2"], (await ClosedRowsAsync(context)).Select(r => r.GetString("ObligationId")));
    }

    [Fact]
    public async Task Obligations_closed_before_the_closed_index_are_backfilled_once()
    {
        var context = await StateTestContext.CreateAsync(azurite);
        var store = context.State.Obligations;
        await store.OpenManyAsync(Enumerable.Range(0, 5).Select(i => Opening(i, "TEAMA", Now + Duration.FromHours(i))), None);
        await store.FulfilAsync("ob-1", Now, "user", null, None);
        await store.FulfilAsync("ob-3", Now, "user", null, None);
        await store.CancelAsync("ob-4", Now, "user", null, None);
        var closed = context.Tables.Get(TableNames.ObligationsClosed);
        foreach (var row in await context.RowsAsync(TableNames.ObligationsClosed))
        {
            await closed.DeleteEntityAsync(row.PartitionKey, row.RowKey);
        }

        Assert.Equal(3, await store.BackfillClosedIndexAsync(None));
        Assert.Equal(0, await store.BackfillClosedIndexAsync(None));
        var page = await Pager(context, pageSize: 10).ReadAsync(Filter("closed"), ["TEAMA"], None);
        Assert.Equal(["ob-1", "ob-3", "ob-4"], page.Rows.Select(r => r.Id));
    }

    [Fact]
    public async Task The_backfill_leaves_out_a_row_it_cannot_read_and_still_finishes()
    {
        var context = await StateTestContext.CreateAsync(azurite);
        var store = context.State.Obligations;
        await store.OpenManyAsync(Enumerable.Range(0, 3).Select(i => Opening(i, "TEAMA", Now + Duration.FromHours(i))), None);
        await store.FulfilAsync("ob-0", Now, "user", null, None);
        await store.FulfilAsync("ob-2", Now, "user", null, None);
        foreach (var row in await context.RowsAsync(TableNames.ObligationsClosed))
        {
            await context.Tables.Get(TableNames.ObligationsClosed).DeleteEntityAsync(row.PartitionKey, row.RowKey);
        }

        // A row this version cannot read (an unknown state), as a damaged or future row would be.
        var damaged = (await context.RowsAsync(TableNames.Obligations)).Single(r => r.GetString("ObligationId") == "ob-1" && r.GetString("Type") == ObligationEntity.TypeObligation);
        damaged["State"] = "NoSuchState";
        await context.Tables.Get(TableNames.Obligations).UpdateEntityAsync(damaged, damaged.ETag, TableUpdateMode.Replace);

        Assert.Equal(2, await store.BackfillClosedIndexAsync(None));
        Assert.Equal(0, await store.BackfillClosedIndexAsync(None));
        Assert.Equal(["ob-0", "ob-2"], (await ClosedRowsAsync(context)).Select(r => r.GetString("ObligationId")));
    }

    [Fact]
    public async Task A_redelivered_open_of_a_closed_obligation_writes_its_closed_row_and_no_open_rows()
    {
        var context = await StateTestContext.CreateAsync(azurite);
        var store = context.State.Obligations;
        var opening = Opening(7, "TEAMB", Now + Duration.FromHours(3));
        await store.OpenAsync(opening, None);
        await store.FulfilAsync("ob-7", Now, "user", null, None);
        // As if the close had stopped after the truth and before its closed row.
        foreach (var row in await ClosedRowsAsync(context))
        {
            await context.Tables.Get(TableNames.ObligationsClosed).DeleteEntityAsync(row.PartitionKey, row.RowKey);
        }

        await store.OpenAsync(opening, None);

        var closedRow = Assert.Single(await ClosedRowsAsync(context));
        Assert.Equal(("TEAMB", nameof(ObligationState.FulfilledOnTime)), (closedRow.PartitionKey, closedRow.GetString("State")));
        Assert.DoesNotContain(await context.RowsAsync(TableNames.ObligationsOpen), r => r.GetString("ObligationId") == "ob-7");
    }

    /// <summary>
    /// Any order of opens (some redelivered), fulfilments (on time or late), cancellations and escalations: paging a
    /// two-team closed list by continuation token, 3 a page, returns every closed obligation of those teams exactly
    /// once, earliest due first; latest due first by page number returns the same in reverse.
    /// </summary>
    [Fact]
    public void Paging_returns_every_closed_obligation_once_in_due_order_after_any_history()
    {
        var step = Gen.Zip(Gen.Choose(0, 11), Gen.Choose(0, 5));
        var histories = Gen.ListOf(step).Select(steps => steps.Take(30).ToList()).ToArbitrary();
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(12), Prop.ForAll(histories, history => Task.Run(() => HoldsAsync(history)).GetAwaiter().GetResult()));
    }

    private async Task<bool> HoldsAsync(List<(int Item, int Action)> history)
    {
        var context = await StateTestContext.CreateAsync(azurite);
        var store = context.State.Obligations;
        foreach (var (item, action) in history)
        {
            // Due instants from two days before now to a day after, some equal (the id breaks the tie); three teams.
            var opening = Opening(item, Teams[item % 3], Now + Duration.FromHours(((item % 6) - 3) * 15));
            _ = action switch
            {
                0 or 1 => await store.OpenAsync(opening, None),
                2 => await store.FulfilAsync(opening.Obligation.Id, Now, "user", null, None),
                3 => await store.FulfilAsync(opening.Obligation.Id, Now - Duration.FromDays(3), "user", null, None),
                4 => await store.CancelAsync(opening.Obligation.Id, Now, "user", null, None),
                _ => await store.RecordEscalationAsync(opening.Obligation.Id, 1, Now, "", None),
            };
        }

        var truth = new List<StoredObligation>();
        foreach (var id in history.Select(h => $"ob-{h.Item}").Distinct())
        {
            if (await store.GetAsync(id, None) is { Obligation.IsClosed: true, Obligation.OwnerOrganisationId: "TEAMA" or "TEAMC" } stored)
            {
                truth.Add(stored);
            }
        }

        var expected = truth.OrderBy(s => s.Obligation.Due).ThenBy(s => s.Id, StringComparer.Ordinal).Select(s => s.Id).ToList();
        var fulfilled = expected.Where(id => truth.First(s => s.Id == id).Obligation.State != ObligationState.Cancelled).ToList();
        var pager = Pager(context, pageSize: 3);
        string[] teams = ["TEAMA", "TEAMC"];
        return (await AllIdsAsync(pager, Filter("closed"), teams)).SequenceEqual(expected)
            && (await AllIdsAsync(pager, Filter("fulfilled"), teams)).SequenceEqual(fulfilled)
            && (await AllIdsAsync(pager, Filter("closed") with { Descending = true }, teams)).SequenceEqual(Enumerable.Reverse(expected));
    }

    private static async Task<List<string>> AllIdsAsync(ObligationPager pager, ObligationListFilter filter, IReadOnlyList<string> owners)
    {
        var ids = new List<string>();
        for (var guard = 0; guard < 100; guard++)
        {
            var page = await pager.ReadAsync(filter, owners, None);
            ids.AddRange(page.Rows.Select(r => r.Id));
            if (!page.HasNext)
            {
                return ids;
            }

            filter = filter with { Page = filter.Page + 1, After = filter.ByToken ? page.Next : null };
        }

        throw new InvalidOperationException("paging did not end");
    }

    private static async Task<List<TableEntity>> ClosedRowsAsync(StateTestContext context) =>
        [.. (await context.RowsAsync(TableNames.ObligationsClosed)).Where(r => r.PartitionKey != "_meta").OrderBy(r => r.GetString("ObligationId"), StringComparer.Ordinal)];

    private static ObligationPager Pager(StateTestContext context, int pageSize) =>
        new(context.Tables, context.State.Obligations, Options.Create(new ConsoleOptions { PageSize = pageSize }), new FakeClock(Now), new OpenIndexEnd());

    private static ObligationListFilter Filter(string status) => new(null, null, status, Descending: false, Page: 1);

    private static NewObligation Opening(int i, string team, Instant due) =>
        new(new Obligation($"ob-{i}", RuleIds.All[0], team, due - Duration.FromDays(1), due, false, ObligationPriority.Standard), $"client-{i}", $"event-{i}", "a test obligation");
}
