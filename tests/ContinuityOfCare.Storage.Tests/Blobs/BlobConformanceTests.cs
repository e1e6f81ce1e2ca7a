using System.Security.Cryptography;
using System.Text;
using Azure;
using ContinuityOfCare.Storage.Blobs;
using ContinuityOfCare.Testing;
using Xunit;

namespace ContinuityOfCare.Storage.Tests.Blobs;

[Collection(AzuriteCollection.Name)]
public sealed class BlobConformanceTests(AzuriteFixture azurite)
{
    private async Task<BlobContainerClient> NewContainerAsync()
    {
        var container = new BlobContainerClient(azurite.ConnectionString, azurite.UniqueName("c"));
        Assert.True((await container.CreateIfNotExistsAsync()).Value);
        return container;
    }

    private static MemoryStream Text(string text) => new(Encoding.UTF8.GetBytes(text));

    private static async Task<string> ReadTextAsync(BlobClient blob)
    {
        using var download = (await blob.DownloadStreamingAsync()).Value;
        using var reader = new StreamReader(download.Content, Encoding.UTF8);
        return await reader.ReadToEndAsync();
    }

    [Fact]
    public async Task ContainerCreateIfNotExists_Twice_SecondReportsExisting_DeleteIfExistsIdempotent()
    {
        var container = await NewContainerAsync();
        Assert.False((await container.CreateIfNotExistsAsync()).Value);
        Assert.True((await container.DeleteIfExistsAsync()).Value);
        Assert.False((await container.DeleteIfExistsAsync()).Value);
    }

    [Fact]
    public async Task UploadDownload_ContentTypeAndMetadata_RoundTrip()
    {
        var container = await NewContainerAsync();
        var blob = container.GetBlobClient("report.csv");

        var uploaded = (await blob.UploadAsync(Text("a,b\n1,2\n"), new BlobUploadOptions
        {
            ContentType = "text/csv",
            Metadata = new Dictionary<string, string> { ["source"] = "court", ["rows"] = "1" },
        })).Value;

        using var download = (await blob.DownloadStreamingAsync()).Value;
        Assert.Equal(uploaded.ETag, download.Properties.ETag);
        Assert.Equal(8, download.Properties.ContentLength);
        Assert.Equal("text/csv", download.Properties.ContentType);
        Assert.Equal("court", download.Properties.Metadata["source"]);
        Assert.Equal("a,b\n1,2\n", await new StreamReader(download.Content).ReadToEndAsync());
    }

    [Fact]
    public async Task Upload_CreateOnlyOnExistingBlob_Throws409BlobAlreadyExists_AndKeepsContent()
    {
        var container = await NewContainerAsync();
        var blob = container.GetBlobClient("once.txt");
        await blob.UploadAsync(Text("first"), overwrite: false);

        var failure = await Assert.ThrowsAsync<RequestFailedException>(() => blob.UploadAsync(Text("second"), overwrite: false));

        Assert.True(failure.IsConflict());
        Assert.Equal(StorageErrorCode.BlobAlreadyExists, failure.ErrorCode);
        Assert.Equal("first", await ReadTextAsync(blob));
        await blob.UploadAsync(Text("third"), overwrite: true);
        Assert.Equal("third", await ReadTextAsync(blob));
    }

    [Fact]
    public async Task Upload_IfMatchStaleETag_Throws412()
    {
        var container = await NewContainerAsync();
        var blob = container.GetBlobClient("etag.txt");
        var first = (await blob.UploadAsync(Text("1"))).Value;
        await blob.UploadAsync(Text("2"));

        var failure = await Assert.ThrowsAsync<RequestFailedException>(() =>
            blob.UploadAsync(Text("3"), new BlobUploadOptions { Conditions = new() { IfMatch = first.ETag } }));

        Assert.True(failure.IsPreconditionFailed());
        Assert.Equal(StorageErrorCode.ConditionNotMet, failure.ErrorCode);
    }

    [Fact]
    public async Task DownloadStreaming_MultiMegabyteBlob_StreamsExactBytes()
    {
        var container = await NewContainerAsync();
        var blob = container.GetBlobClient("big.bin");
        var bytes = new byte[5 * 1024 * 1024 + 17];
        new Random(42).NextBytes(bytes);
        await blob.UploadAsync(new MemoryStream(bytes));

        using var download = (await blob.DownloadStreamingAsync()).Value;
        Assert.False(download.Content is MemoryStream, "the content should stream from the network, not be buffered");
        using var copy = new MemoryStream();
        await download.Content.CopyToAsync(copy);

        Assert.Equal(bytes.Length, download.Properties.ContentLength);
        Assert.Equal(SHA256.HashData(bytes), SHA256.HashData(copy.ToArray()));
    }

    [Fact]
    public async Task Upload_NonSeekableStream_IsBufferedAndStored()
    {
        var container = await NewContainerAsync();
        var blob = container.GetBlobClient("piped.txt");
        await using var pipe = new NonSeekableStream(Encoding.UTF8.GetBytes("through a pipe"));

        await blob.UploadAsync(pipe);

        Assert.Equal("through a pipe", await ReadTextAsync(blob));
    }

    [Fact]
    public async Task GetProperties_ExistsAndDelete()
    {
        var container = await NewContainerAsync();
        var blob = container.GetBlobClient("p.txt");
        Assert.False((await blob.ExistsAsync()).Value);
        var missing = await Assert.ThrowsAsync<RequestFailedException>(() => blob.GetPropertiesAsync());
        Assert.Equal(404, missing.Status);
        Assert.Equal(StorageErrorCode.BlobNotFound, missing.ErrorCode);
        await blob.UploadAsync(Text("12345"));

        var properties = (await blob.GetPropertiesAsync()).Value;

        Assert.Equal(5, properties.ContentLength);
        Assert.True((await blob.ExistsAsync()).Value);
        Assert.True((await blob.DeleteIfExistsAsync()).Value);
        Assert.False((await blob.DeleteIfExistsAsync()).Value);
        Assert.False((await blob.ExistsAsync()).Value);
    }

    [Fact]
    public async Task Download_Missing_Throws404BlobNotFound()
    {
        var container = await NewContainerAsync();

        var failure = await Assert.ThrowsAsync<RequestFailedException>(() => container.GetBlobClient("nope").DownloadStreamingAsync());

        Assert.Equal(404, failure.Status);
        Assert.Equal(StorageErrorCode.BlobNotFound, failure.ErrorCode);
    }

    [Fact]
    public async Task SetMetadata_ReplacesMetadata()
    {
        var container = await NewContainerAsync();
        var blob = container.GetBlobClient("m.txt");
        await blob.UploadAsync(Text("x"), new BlobUploadOptions { Metadata = new Dictionary<string, string> { ["old"] = "1" } });

        await blob.SetMetadataAsync(new Dictionary<string, string> { ["status"] = "processed", ["Rows"] = "10" });

        var metadata = (await blob.GetPropertiesAsync()).Value.Metadata;
        Assert.False(metadata.ContainsKey("old"));
        Assert.Equal("processed", metadata["status"]);
        Assert.Equal("10", metadata["rows"]);
    }

    [Fact]
    public async Task GetBlobs_ByPrefixAcrossSmallPages_ReturnsExactlyThePrefixedBlobsInOrder()
    {
        var container = await NewContainerAsync();
        var expected = Enumerable.Range(0, 7).Select(i => $"inbox/2024/{i:D2}.csv").ToList();
        foreach (var name in expected.Concat(["inbox/other.txt", "processed/00.csv", "inbox-2024.csv"]))
        {
            await container.GetBlobClient(name).UploadAsync(Text(name), new BlobUploadOptions { Metadata = new Dictionary<string, string> { ["kind"] = "csv" } });
        }

        var pages = new List<Page<BlobItem>>();
        await foreach (var page in container.GetBlobsAsync("inbox/2024/").AsPages(pageSizeHint: 3))
        {
            pages.Add(page);
        }

        Assert.Equal([3, 3, 1], pages.Select(p => p.Values.Count));
        var items = pages.SelectMany(p => p.Values).ToList();
        Assert.Equal(expected, items.Select(i => i.Name));
        Assert.All(items, i => Assert.Equal("csv", i.Metadata["kind"]));
        Assert.Equal(expected[3].Length, items[3].ContentLength);
        Assert.Equal(10, await container.GetBlobsAsync().CountAsync());
    }

    [Theory]
    [InlineData("with space.txt")]
    [InlineData("unicode-é-日本.txt")]
    [InlineData("plus+sign.txt")]
    [InlineData("percent%20literal.txt")]
    [InlineData("a/b/c/nested.txt")]
    [InlineData("quote'and(brackets)&amp=eq;.txt")]
    public async Task AwkwardBlobNames_SignUploadListAndDownload(string name)
    {
        var container = await NewContainerAsync();
        var blob = container.GetBlobClient(name);

        await blob.UploadAsync(Text(name));

        Assert.Equal(name, await ReadTextAsync(blob));
        Assert.Equal([name], (await container.GetBlobsAsync().ToListAsync()).Select(i => i.Name));
        Assert.Equal([name], (await container.GetBlobsAsync(name[..3]).ToListAsync()).Select(i => i.Name));
        Assert.True((await blob.DeleteIfExistsAsync()).Value);
    }

    [Fact]
    public async Task CopyTo_AnotherContainer_CopiesContentAndMetadata_SourceKept()
    {
        var source = await NewContainerAsync();
        var target = await NewContainerAsync();
        var blob = source.GetBlobClient("dir/a file+.csv");
        await blob.UploadAsync(Text("payload"), new BlobUploadOptions { Metadata = new Dictionary<string, string> { ["k"] = "v" } });

        var copied = (await blob.CopyToAsync(target.GetBlobClient("copied/a file+.csv"))).Value;

        Assert.Equal("success", copied.CopyStatus);
        Assert.Equal("v", copied.Metadata["k"]);
        Assert.Equal("payload", await ReadTextAsync(target.GetBlobClient("copied/a file+.csv")));
        Assert.True((await blob.ExistsAsync()).Value);
    }

    [Fact]
    public async Task MoveTo_AnotherContainer_DeletesSource()
    {
        var source = await NewContainerAsync();
        var target = await NewContainerAsync();
        var blob = source.GetBlobClient("inbox/é.csv");
        await blob.UploadAsync(Text("moving"));

        await blob.MoveToAsync(target.GetBlobClient("processed/é.csv"));

        Assert.False((await blob.ExistsAsync()).Value);
        Assert.Equal("moving", await ReadTextAsync(target.GetBlobClient("processed/é.csv")));
    }

    [Fact]
    public async Task CopyTo_MissingSource_Throws404()
    {
        var source = await NewContainerAsync();

        var failure = await Assert.ThrowsAsync<RequestFailedException>(() => source.GetBlobClient("ghost").CopyToAsync(source.GetBlobClient("copy")));

        Assert.Equal(404, failure.Status);
    }

    [Fact]
    public async Task Lease_SecondAcquireConflicts_ReleaseAllowsReacquire()
    {
        var container = await NewContainerAsync();
        var blob = container.GetBlobClient("singleton.lock");
        await blob.UploadAsync(Text(string.Empty));
        var holder = blob.GetBlobLeaseClient();
        var rival = blob.GetBlobLeaseClient();

        var lease = (await holder.AcquireAsync(TimeSpan.FromSeconds(15))).Value;
        var conflict = await Assert.ThrowsAsync<RequestFailedException>(() => rival.AcquireAsync(TimeSpan.FromSeconds(15)));
        await holder.RenewAsync();
        await holder.ReleaseAsync();
        var second = (await rival.AcquireAsync(BlobLeaseClient.InfiniteLeaseDuration)).Value;

        Assert.Equal(holder.LeaseId, lease.LeaseId);
        Assert.True(conflict.IsConflict());
        Assert.Equal(StorageErrorCode.LeaseAlreadyPresent, conflict.ErrorCode);
        Assert.Equal(rival.LeaseId, second.LeaseId);
        Assert.Equal("leased", (await blob.GetPropertiesAsync()).Value.LeaseState);
    }

    [Fact]
    public async Task Lease_WritesAndDeletesNeedTheLeaseId()
    {
        var container = await NewContainerAsync();
        var blob = container.GetBlobClient("leased.txt");
        await blob.UploadAsync(Text("v1"));
        var lease = blob.GetBlobLeaseClient();
        await lease.AcquireAsync(TimeSpan.FromSeconds(60));

        var writeWithout = await Assert.ThrowsAsync<RequestFailedException>(() => blob.UploadAsync(Text("v2")));
        var deleteWithout = await Assert.ThrowsAsync<RequestFailedException>(() => blob.DeleteIfExistsAsync());
        var held = new BlobRequestConditions { LeaseId = lease.LeaseId };
        await blob.UploadAsync(Text("v3"), new BlobUploadOptions { Conditions = held });
        await blob.SetMetadataAsync(new Dictionary<string, string> { ["by"] = "holder" }, held);

        Assert.True(writeWithout.IsPreconditionFailed());
        Assert.Equal(StorageErrorCode.LeaseIdMissing, writeWithout.ErrorCode);
        Assert.True(deleteWithout.IsPreconditionFailed());
        Assert.Equal("v3", await ReadTextAsync(blob));
        Assert.True((await blob.DeleteIfExistsAsync(held)).Value);
    }

    [Fact]
    public async Task Lease_Break_FreesTheBlobForANewHolder()
    {
        var container = await NewContainerAsync();
        var blob = container.GetBlobClient("break.lock");
        await blob.UploadAsync(Text(string.Empty));
        var crashed = blob.GetBlobLeaseClient();
        await crashed.AcquireAsync(BlobLeaseClient.InfiniteLeaseDuration);

        var broken = (await blob.GetBlobLeaseClient().BreakAsync(TimeSpan.Zero)).Value;
        var successor = blob.GetBlobLeaseClient();
        await successor.AcquireAsync(TimeSpan.FromSeconds(15));

        Assert.Equal(TimeSpan.Zero, broken.RemainingBreakTime);
        var stale = await Assert.ThrowsAsync<RequestFailedException>(() => crashed.RenewAsync());
        Assert.True(stale.IsConflict());
    }

    private sealed class NonSeekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
