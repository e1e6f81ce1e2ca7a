using Azure;
using ContinuityOfCare.Storage.Tables;
using ContinuityOfCare.Testing;
using Xunit;

namespace ContinuityOfCare.Storage.Tests.Tables;

[Collection(AzuriteCollection.Name)]
public sealed class TableEntityConformanceTests(AzuriteFixture azurite)
{
    private async Task<TableClient> NewTableAsync()
    {
        var table = new TableClient(azurite.ConnectionString, azurite.UniqueName("tbl"));
        Assert.True((await table.CreateIfNotExistsAsync()).Value);
        return table;
    }

    [Fact]
    public async Task CreateIfNotExists_Twice_SecondReportsExisting()
    {
        var table = await NewTableAsync();
        Assert.False((await table.CreateIfNotExistsAsync()).Value);
    }

    [Fact]
    public async Task DeleteIfExists_ExistingThenMissing_TrueThenFalse()
    {
        var table = await NewTableAsync();
        Assert.True((await table.DeleteIfExistsAsync()).Value);
        Assert.False((await table.DeleteIfExistsAsync()).Value);
    }

    [Fact]
    public async Task Add_ThenGet_RoundTripsEveryEdmType()
    {
        var table = await NewTableAsync();
        var instant = new DateTimeOffset(2024, 3, 31, 1, 2, 3, TimeSpan.Zero).AddTicks(1234567);
        var guid = Guid.NewGuid();
        var entity = new TableEntity("p", "r")
        {
            ["Text"] = "hello 'world' é",
            ["Flag"] = true,
            ["Int"] = -42,
            ["Long"] = long.MaxValue,
            ["Double"] = 2.0,
            ["Fraction"] = 0.1,
            ["Guid"] = guid,
            ["When"] = instant,
            ["Bytes"] = new byte[] { 0, 1, 255 },
        };
        var added = await table.AddEntityAsync(entity);

        var read = (await table.GetEntityAsync("p", "r")).Value;

        Assert.Equal("hello 'world' é", read.GetString("Text"));
        Assert.True(read.GetBoolean("Flag"));
        Assert.Equal(-42, read["Int"]);
        Assert.Equal(long.MaxValue, read["Long"]);
        Assert.Equal(2.0, read["Double"]);
        Assert.Equal(0.1, read["Fraction"]);
        Assert.Equal(guid, read["Guid"]);
        Assert.Equal(instant.UtcTicks, read.GetDateTimeOffset("When")!.Value.UtcTicks);
        Assert.Equal(new byte[] { 0, 1, 255 }, read.GetBinary("Bytes"));
        Assert.NotNull(read.Timestamp);
        Assert.Equal(added.Headers.ETag, read.ETag);
    }
}
