using Azure;
using ContinuityOfCare.Storage.Tables;
using ContinuityOfCare.Testing;
using Xunit;

namespace ContinuityOfCare.Storage.Tests.Tables;

[Collection(AzuriteCollection.Name)]
public sealed class TableWriteConformanceTests(AzuriteFixture azurite)
{
    private async Task<TableClient> NewTableAsync()
    {
        var table = new TableServiceClient(azurite.ConnectionString).GetTableClient(azurite.UniqueName("tbl"));
        await table.CreateIfNotExistsAsync();
        return table;
    }

    [Fact]
    public async Task Add_ExistingEntity_Throws409EntityAlreadyExists_AndKeepsTheOriginal()
    {
        var table = await NewTableAsync();
        await table.AddEntityAsync(new TableEntity("p", "r") { ["V"] = 1 });

        var failure = await Assert.ThrowsAsync<RequestFailedException>(() => table.AddEntityAsync(new TableEntity("p", "r") { ["V"] = 2 }));

        Assert.True(failure.IsConflict());
        Assert.False(failure.IsPreconditionFailed());
        Assert.Equal(StorageErrorCode.EntityAlreadyExists, failure.ErrorCode);
        Assert.False(string.IsNullOrEmpty(failure.GetRequestId()));
        Assert.Equal(1, (await table.GetEntityAsync("p", "r")).Value.GetInt32("V"));
    }

    [Fact]
    public async Task Update_WithStaleETag_Throws412_AndWithCurrentETagSucceeds()
    {
        var table = await NewTableAsync();
        await table.AddEntityAsync(new TableEntity("p", "r") { ["State"] = "Pending" });
        var read = (await table.GetEntityAsync("p", "r")).Value;
        var winner = await table.UpdateEntityAsync(new TableEntity("p", "r") { ["State"] = "Sent" }, read.ETag);

        var failure = await Assert.ThrowsAsync<RequestFailedException>(() =>
            table.UpdateEntityAsync(new TableEntity("p", "r") { ["State"] = "Failed" }, read.ETag));

        Assert.True(failure.IsPreconditionFailed());
        Assert.False(failure.IsConflict());
        Assert.Equal(StorageErrorCode.UpdateConditionNotSatisfied, failure.ErrorCode);
        await table.UpdateEntityAsync(new TableEntity("p", "r") { ["Note"] = "x" }, winner.Headers.ETag!.Value);
        var final = (await table.GetEntityAsync("p", "r")).Value;
        Assert.Equal("Sent", final.GetString("State"));
        Assert.Equal("x", final.GetString("Note"));
    }

    [Fact]
    public async Task Update_ETagAll_OverwritesWhateverIsStored_ButNotAMissingEntity()
    {
        var table = await NewTableAsync();
        await table.AddEntityAsync(new TableEntity("p", "r") { ["A"] = 1, ["B"] = 2 });

        await table.UpdateEntityAsync(new TableEntity("p", "r") { ["A"] = 3 }, ETag.All, TableUpdateMode.Replace);
        var missing = await Assert.ThrowsAsync<RequestFailedException>(() => table.UpdateEntityAsync(new TableEntity("p", "none"), ETag.All));

        var read = (await table.GetEntityAsync("p", "r")).Value;
        Assert.Equal(3, read.GetInt32("A"));
        Assert.False(read.ContainsKey("B"));
        Assert.True(missing.IsNotFound());
    }

    [Fact]
    public async Task Upsert_MergeKeepsOtherProperties_ReplaceDropsThem()
    {
        var table = await NewTableAsync();
        await table.UpsertEntityAsync(new TableEntity("p", "r") { ["A"] = 1, ["B"] = 2 });

        await table.UpsertEntityAsync(new TableEntity("p", "r") { ["A"] = 10 }, TableUpdateMode.Merge);
        var merged = (await table.GetEntityAsync("p", "r")).Value;
        await table.UpsertEntityAsync(new TableEntity("p", "r") { ["C"] = 3 }, TableUpdateMode.Replace);
        var replaced = (await table.GetEntityAsync("p", "r")).Value;

        Assert.Equal((10, 2), (merged.GetInt32("A"), merged.GetInt32("B")));
        Assert.Equal(["C"], replaced.Keys);
    }

    [Fact]
    public async Task GetEntityIfExists_Missing_NullValue_ButMissingTableThrows()
    {
        var table = await NewTableAsync();
        await table.AddEntityAsync(new TableEntity("p", "present"));

        Assert.Null((await table.GetEntityIfExistsAsync("p", "absent")).Value);
        Assert.NotNull((await table.GetEntityIfExistsAsync("p", "present")).Value);
        var noTable = new TableClient(azurite.ConnectionString, azurite.UniqueName("missing"));
        var failure = await Assert.ThrowsAsync<RequestFailedException>(() => noTable.GetEntityIfExistsAsync("p", "r"));
        Assert.Equal(StorageErrorCode.TableNotFound, failure.ErrorCode);
    }

    [Fact]
    public async Task GetEntity_Missing_Throws404()
    {
        var table = await NewTableAsync();

        var failure = await Assert.ThrowsAsync<RequestFailedException>(() => table.GetEntityAsync("p", "absent"));

        Assert.True(failure.IsNotFound());
        Assert.Equal(StorageErrorCode.ResourceNotFound, failure.ErrorCode);
    }

    [Fact]
    public async Task Delete_StaleETagThrows412_CurrentETagDeletes_MissingIsNotAnError()
    {
        var table = await NewTableAsync();
        var first = await table.AddEntityAsync(new TableEntity("p", "r") { ["V"] = 1 });
        var second = await table.UpsertEntityAsync(new TableEntity("p", "r") { ["V"] = 2 });

        var stale = await Assert.ThrowsAsync<RequestFailedException>(() => table.DeleteEntityAsync("p", "r", first.Headers.ETag!.Value));
        var deleted = await table.DeleteEntityAsync("p", "r", second.Headers.ETag!.Value);
        var again = await table.DeleteEntityAsync("p", "r", ETag.All);

        Assert.True(stale.IsPreconditionFailed());
        Assert.Equal(204, deleted.Status);
        Assert.Equal(404, again.Status);
        Assert.Null((await table.GetEntityIfExistsAsync("p", "r")).Value);
    }

    [Theory]
    [InlineData("with space", "row with space")]
    [InlineData("O'Brien", "it''s \"quoted\"")]
    [InlineData("unicode é 日本 🙂", "Ωμέγα")]
    [InlineData("100%", "%20 literally %2F")]
    [InlineData("a+b=c&d", "(parens),commas;semi:colon@at")]
    public async Task AwkwardKeys_RoundTripThroughEveryKeyedOperation(string partitionKey, string rowKey)
    {
        var table = await NewTableAsync();

        var added = await table.AddEntityAsync(new TableEntity(partitionKey, rowKey) { ["V"] = 1 });
        var read = (await table.GetEntityAsync(partitionKey, rowKey)).Value;
        var updated = await table.UpdateEntityAsync(new TableEntity(partitionKey, rowKey) { ["V"] = 2 }, added.Headers.ETag!.Value);
        var queried = await table.QueryAsync(ODataFilter.Create($"PartitionKey eq {partitionKey} and RowKey eq {rowKey}")).ToListAsync();
        await table.DeleteEntityAsync(partitionKey, rowKey, updated.Headers.ETag!.Value);

        Assert.Equal((partitionKey, rowKey), (read.PartitionKey, read.RowKey));
        Assert.Equal(2, Assert.Single(queried).GetInt32("V"));
        Assert.Null((await table.GetEntityIfExistsAsync(partitionKey, rowKey)).Value);
    }
}
