using Azure;
using Azure.Core;
using ContinuityOfCare.Storage.Tables;
using Xunit;

namespace ContinuityOfCare.Storage.Tests.Tables;

public sealed class TableGuardTests
{
    private readonly TableClient _table = DeadEndpoint.Table();

    [Theory]
    [InlineData("ab")]
    [InlineData("1abc")]
    [InlineData("has-dash")]
    [InlineData("has space")]
    [InlineData("")]
    [InlineData("a234567890123456789012345678901234567890123456789012345678901234")]
    public void TableName_Invalid_Throws(string name)
    {
        Assert.Throws<ArgumentException>(() => new TableClient(DeadEndpoint.ConnectionString, name));
        Assert.Throws<ArgumentException>(() => new TableServiceClient(DeadEndpoint.ConnectionString).GetTableClient(name));
    }

    [Fact]
    public void Constructors_NullArguments_Throw()
    {
        var endpoint = new Uri("https://acct.table.core.windows.net");
        Assert.Throws<ArgumentNullException>(() => new TableClient(null!, "abc"));
        Assert.Throws<ArgumentNullException>(() => new TableClient(DeadEndpoint.ConnectionString, null!));
        Assert.Throws<ArgumentNullException>(() => new TableClient(endpoint, "abc", (TokenCredential)null!));
        Assert.Throws<ArgumentNullException>(() => new TableClient(endpoint, "abc", (StorageSharedKeyCredential)null!));
        Assert.Throws<ArgumentNullException>(() => new TableClient(null!, "abc", new StorageSharedKeyCredential("a", "a2V5")));
        Assert.Throws<ArgumentNullException>(() => new TableServiceClient((string)null!));
        Assert.Throws<ArgumentNullException>(() => new TableServiceClient(endpoint, (TokenCredential)null!));
        Assert.Throws<ArgumentNullException>(() => new TableServiceClient(null!, new StorageSharedKeyCredential("a", "a2V5")));
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("a#b")]
    [InlineData("a?b")]
    [InlineData("tab\there")]
    [InlineData("nul\0")]
    public async Task Keys_ForbiddenCharacters_RefusedByEveryKeyedOperation(string key)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _table.AddEntityAsync(new TableEntity(key, "r")));
        await Assert.ThrowsAsync<ArgumentException>(() => _table.AddEntityAsync(new TableEntity("p", key)));
        await Assert.ThrowsAsync<ArgumentException>(() => _table.UpsertEntityAsync(new TableEntity(key, "r")));
        await Assert.ThrowsAsync<ArgumentException>(() => _table.UpdateEntityAsync(new TableEntity("p", key), ETag.All));
        await Assert.ThrowsAsync<ArgumentException>(() => _table.GetEntityAsync(key, "r"));
        await Assert.ThrowsAsync<ArgumentException>(() => _table.GetEntityIfExistsAsync("p", key));
        await Assert.ThrowsAsync<ArgumentException>(() => _table.DeleteEntityAsync(key, "r", ETag.All));
        await Assert.ThrowsAsync<ArgumentException>(() => _table.SubmitTransactionAsync([new(TableTransactionActionType.Add, new TableEntity("p", key))]));
    }

    [Fact]
    public async Task Keys_TooLong_Refused()
    {
        var longKey = new string('k', TableKeys.MaxLength + 1);
        await Assert.ThrowsAsync<ArgumentException>(() => _table.AddEntityAsync(new TableEntity(longKey, "r")));
        Assert.Equal(new string('k', TableKeys.MaxLength), TableKeys.Validate(new string('k', TableKeys.MaxLength), "key"));
    }

    [Fact]
    public async Task NullArguments_Throw()
    {
        await Assert.ThrowsAsync<ArgumentNullException>(() => _table.AddEntityAsync(null!));
        await Assert.ThrowsAsync<ArgumentNullException>(() => _table.UpsertEntityAsync(null!));
        await Assert.ThrowsAsync<ArgumentNullException>(() => _table.UpdateEntityAsync(null!, ETag.All));
        await Assert.ThrowsAsync<ArgumentNullException>(() => _table.GetEntityAsync(null!, "r"));
        await Assert.ThrowsAsync<ArgumentNullException>(() => _table.GetEntityIfExistsAsync("p", null!));
        await Assert.ThrowsAsync<ArgumentNullException>(() => _table.DeleteEntityAsync("p", null!, ETag.All));
        await Assert.ThrowsAsync<ArgumentNullException>(() => _table.SubmitTransactionAsync(null!));
        await Assert.ThrowsAsync<ArgumentNullException>(() => _table.SubmitTransactionAsync([null!]));
    }

    [Fact]
    public async Task UpdateAndDelete_DefaultETag_Refused()
    {
        var update = await Assert.ThrowsAsync<ArgumentException>(() => _table.UpdateEntityAsync(new TableEntity("p", "r"), default));
        var delete = await Assert.ThrowsAsync<ArgumentException>(() => _table.DeleteEntityAsync("p", "r", default));

        Assert.Equal("ifMatch", update.ParamName);
        Assert.Equal("ifMatch", delete.ParamName);
    }

    [Fact]
    public async Task UpdateAndUpsert_UndefinedMode_Refused()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _table.UpsertEntityAsync(new TableEntity("p", "r"), (TableUpdateMode)7));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _table.UpdateEntityAsync(new TableEntity("p", "r"), ETag.All, (TableUpdateMode)7));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(1001)]
    public async Task Query_PageSizeOutOfRange_Refused(int size)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _table.QueryAsync(maxPerPage: size));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await _table.QueryAsync().AsPages(pageSizeHint: size).FirstAsync());
    }

    [Fact]
    public async Task Transaction_Empty_Refused()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _table.SubmitTransactionAsync([]));
    }

    [Fact]
    public async Task Transaction_MoreThanHundredActions_RefusedClientSide()
    {
        var actions = Enumerable.Range(0, 101).Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", $"{i}")));

        var failure = await Assert.ThrowsAsync<ArgumentException>(() => _table.SubmitTransactionAsync(actions));

        Assert.Contains("101", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Transaction_CrossPartition_RefusedClientSide()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, new TableEntity("p1", "r")),
            new(TableTransactionActionType.Add, new TableEntity("p2", "r")),
        ]));
    }

    [Fact]
    public async Task Transaction_SameEntityTwice_RefusedClientSide()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, new TableEntity("p", "r")),
            new(TableTransactionActionType.UpsertMerge, new TableEntity("p", "r")),
        ]));
    }

    [Theory]
    [InlineData(TableTransactionActionType.UpdateMerge)]
    [InlineData(TableTransactionActionType.UpdateReplace)]
    [InlineData(TableTransactionActionType.Delete)]
    public void TransactionAction_UpdateOrDeleteWithoutETag_Refused(TableTransactionActionType type)
    {
        Assert.Throws<ArgumentException>(() => new TableTransactionAction(type, new TableEntity("p", "r")));
        Assert.Equal(ETag.All, new TableTransactionAction(type, new TableEntity("p", "r"), ETag.All).IfMatch);
    }

    [Theory]
    [InlineData(TableTransactionActionType.Add)]
    [InlineData(TableTransactionActionType.UpsertMerge)]
    [InlineData(TableTransactionActionType.UpsertReplace)]
    public void TransactionAction_AddOrUpsertWithETag_Refused(TableTransactionActionType type)
    {
        Assert.Throws<ArgumentException>(() => new TableTransactionAction(type, new TableEntity("p", "r"), ETag.All));
    }

    [Fact]
    public void TransactionAction_NullEntityOrUndefinedType_Refused()
    {
        Assert.Throws<ArgumentNullException>(() => new TableTransactionAction(TableTransactionActionType.Add, null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TableTransactionAction((TableTransactionActionType)42, new TableEntity("p", "r")));
    }

    [Fact]
    public void EntityPathSegment_DoublesQuotesAndPercentEncodes()
    {
        Assert.Equal("(PartitionKey='O%27%27Brien%20%25%C3%A9',RowKey='a%2Bb')", TableKeys.EntityPathSegment("O'Brien %é", "a+b"));
    }
}
