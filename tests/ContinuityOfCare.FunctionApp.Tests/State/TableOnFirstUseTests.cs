using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using ContinuityOfCare.Hub.Directory;
using ContinuityOfCare.Hub.Storage;
using ContinuityOfCare.Testing;
using Microsoft.Extensions.Options;
using Xunit;

namespace ContinuityOfCare.FunctionApp.Tests.State;

/// <summary>
/// A store creates its table once (<see cref="TableOnFirstUse"/>), not on every read: the SPOC directory store is read
/// by every route, health check, feed check and console page.
/// </summary>
[Collection(StateAzuriteCollection.Name)]
public sealed class TableOnFirstUseTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task The_directory_store_creates_its_table_once_however_often_it_is_read()
    {
        var log = new StorageRequestLog();
        var tableOptions = new TableClientOptions();
        tableOptions.AddPolicy(log, HttpPipelinePosition.PerCall);
        var storage = new HubStorage(
            new TableServiceClient(azurite.ConnectionString, tableOptions),
            new QueueServiceClient(azurite.ConnectionString),
            new BlobServiceClient(azurite.ConnectionString));
        var table = azurite.UniqueName("dir");
        var store = new DirectoryStore(storage, Options.Create(new DirectoryImportOptions { Table = table }));

        for (var read = 0; read < 3; read++)
        {
            Assert.Null((await store.LoadLiveAsync(CancellationToken.None)).Live);
            Assert.Null(await store.LastImportReportAsync(CancellationToken.None));
        }

        Assert.Equal(1, log.Count(StorageRequestLog.IsCreateTable));
        Assert.Equal(6, log.Count(r => StorageRequestLog.IsToTable(r, table)));
    }
}
