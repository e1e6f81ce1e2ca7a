using Azure;
using ContinuityOfCare.Storage.Tables;
using ContinuityOfCare.Testing;
using Xunit;

namespace ContinuityOfCare.Storage.Tests.Tables;

[Collection(AzuriteCollection.Name)]
public sealed class TableTransactionConformanceTests(AzuriteFixture azurite)
{
    private async Task<TableClient> NewTableAsync()
    {
        var table = new TableClient(azurite.ConnectionString, azurite.UniqueName("tbl"));
        await table.CreateIfNotExistsAsync();
        return table;
    }

    [Fact]
    public async Task Transaction_MixedActions_AllApply()
    {
        var table = await NewTableAsync();
        await table.AddEntityAsync(new TableEntity("p", "update") { ["V"] = 1, ["Keep"] = true });
        await table.AddEntityAsync(new TableEntity("p", "delete"));
        var current = (await table.GetEntityAsync("p", "update")).Value.ETag;

        var results = (await table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, new TableEntity("p", "add") { ["V"] = 1 }),
            new(TableTransactionActionType.UpdateMerge, new TableEntity("p", "update") { ["V"] = 2 }, current),
            new(TableTransactionActionType.UpsertReplace, new TableEntity("p", "upsert") { ["V"] = 3 }),
            new(TableTransactionActionType.Delete, new TableEntity("p", "delete"), ETag.All),
        ])).Value;

        Assert.Equal(4, results.Count);
        Assert.All(results, r => Assert.Equal(204, r.Status));
        Assert.NotNull(results[0].ETag);
        var rows = await table.QueryAsync().ToListAsync();
        Assert.Equal(["add", "update", "upsert"], rows.Select(e => e.RowKey));
        var updated = rows.Single(e => e.RowKey == "update");
        Assert.Equal((2, true), (updated.GetInt32("V"), updated.GetBoolean("Keep")));
    }

    [Fact]
    public async Task Transaction_OneInsertOfExistingEntity_RollsBackAll_AndNamesTheFailingIndex()
    {
        var table = await NewTableAsync();
        await table.AddEntityAsync(new TableEntity("p", "exists") { ["V"] = 0 });

        var failure = await Assert.ThrowsAsync<TableTransactionFailedException>(() => table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, new TableEntity("p", "a")),
            new(TableTransactionActionType.UpsertMerge, new TableEntity("p", "b")),
            new(TableTransactionActionType.Add, new TableEntity("p", "exists") { ["V"] = 1 }),
            new(TableTransactionActionType.Add, new TableEntity("p", "c")),
        ]));

        Assert.Equal(2, failure.FailedActionIndex);
        Assert.True(failure.IsConflict());
        Assert.Equal(StorageErrorCode.EntityAlreadyExists, failure.ErrorCode);
        Assert.IsAssignableFrom<RequestFailedException>(failure);
        var rows = await table.QueryAsync().ToListAsync();
        Assert.Equal("exists", Assert.Single(rows).RowKey);
        Assert.Equal(0, rows[0].GetInt32("V"));
    }

    [Fact]
    public async Task Transaction_StaleETag_FailsWith412_AndRollsBack()
    {
        var table = await NewTableAsync();
        var old = await table.AddEntityAsync(new TableEntity("p", "r") { ["V"] = 1 });
        await table.UpsertEntityAsync(new TableEntity("p", "r") { ["V"] = 2 });

        var failure = await Assert.ThrowsAsync<TableTransactionFailedException>(() => table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, new TableEntity("p", "new")),
            new(TableTransactionActionType.UpdateReplace, new TableEntity("p", "r") { ["V"] = 3 }, old.Headers.ETag!.Value),
        ]));

        Assert.True(failure.IsPreconditionFailed());
        Assert.Equal(1, failure.FailedActionIndex);
        Assert.Null((await table.GetEntityIfExistsAsync("p", "new")).Value);
        Assert.Equal(2, (await table.GetEntityAsync("p", "r")).Value.GetInt32("V"));
    }

    [Fact]
    public async Task Transaction_HundredActions_Commit()
    {
        var table = await NewTableAsync();

        await table.SubmitTransactionAsync(Enumerable.Range(0, 100).Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", $"{i:D3}"))));

        Assert.Equal(100, await table.QueryAsync().CountAsync());
    }

    [Fact]
    public async Task Transaction_AwkwardKeys_Commit()
    {
        var table = await NewTableAsync();
        string[] rows = ["a b", "O'Brien", "é日本", "100%", "x+y&z"];

        await table.SubmitTransactionAsync(rows.Select(r => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p q'%", r))));

        Assert.Equal(rows.Order(StringComparer.Ordinal), (await table.QueryAsync().ToListAsync()).Select(e => e.RowKey).Order(StringComparer.Ordinal));
    }
}
