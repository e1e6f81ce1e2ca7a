using Azure.Core;
using ContinuityOfCare.Storage.Blobs;
using Xunit;

namespace ContinuityOfCare.Storage.Tests.Blobs;

public sealed class BlobGuardTests
{
    private readonly BlobContainerClient _container = DeadEndpoint.Container();

    [Theory]
    [InlineData("ab")]
    [InlineData("Upper")]
    [InlineData("dou--ble")]
    [InlineData("-lead")]
    [InlineData("")]
    public void ContainerName_Invalid_Throws(string name)
    {
        Assert.Throws<ArgumentException>(() => new BlobContainerClient(DeadEndpoint.ConnectionString, name));
        Assert.Throws<ArgumentException>(() => new BlobContainerClient(new Uri("https://acct.blob.core.windows.net/" + name), new StorageSharedKeyCredential("acct", "a2V5")));
    }

    [Fact]
    public void Constructors_NullArguments_Throw()
    {
        var uri = new Uri("https://acct.blob.core.windows.net/inbox");
        Assert.Throws<ArgumentNullException>(() => new BlobContainerClient(null!, "inbox"));
        Assert.Throws<ArgumentNullException>(() => new BlobContainerClient(DeadEndpoint.ConnectionString, null!));
        Assert.Throws<ArgumentNullException>(() => new BlobContainerClient(uri, (TokenCredential)null!));
        Assert.Throws<ArgumentNullException>(() => new BlobContainerClient(uri, (StorageSharedKeyCredential)null!));
        Assert.Throws<ArgumentNullException>(() => new BlobContainerClient(null!, new StorageSharedKeyCredential("a", "a2V5")));
    }

    [Theory]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("a/../b")]
    [InlineData("a/./b")]
    [InlineData("ctrl\u0001")]
    public void BlobName_Invalid_Throws(string name)
    {
        Assert.Throws<ArgumentException>(() => _container.GetBlobClient(name));
    }

    [Fact]
    public void BlobName_NullOrTooLong_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => _container.GetBlobClient(null!));
        Assert.Throws<ArgumentException>(() => _container.GetBlobClient(new string('a', 1025)));
        Assert.Equal(1024, _container.GetBlobClient(new string('a', 1024)).Name.Length);
    }

    [Fact]
    public void BlobUri_EscapesEachSegmentAndKeepsSlashes()
    {
        var blob = _container.GetBlobClient("a b/c+d%/é");

        Assert.Equal("http://127.0.0.1:9/devstoreaccount1/guards/a%20b/c%2Bd%25/%C3%A9", blob.Uri.AbsoluteUri);
        Assert.Equal("guards", blob.BlobContainerName);
    }

    [Theory]
    [InlineData("1starts-with-digit", "v")]
    [InlineData("has-dash", "v")]
    [InlineData("ok", "non-ascii é")]
    [InlineData("ok", "new\nline")]
    public async Task Metadata_Invalid_Refused(string name, string value)
    {
        var blob = _container.GetBlobClient("b");
        var metadata = new Dictionary<string, string> { [name] = value };

        await Assert.ThrowsAsync<ArgumentException>(() => blob.SetMetadataAsync(metadata));
        await Assert.ThrowsAsync<ArgumentException>(() => blob.UploadAsync(new MemoryStream(), new BlobUploadOptions { Metadata = metadata }));
    }

    [Fact]
    public async Task NullArguments_Throw()
    {
        var blob = _container.GetBlobClient("b");
        await Assert.ThrowsAsync<ArgumentNullException>(() => blob.UploadAsync(null!));
        await Assert.ThrowsAsync<ArgumentNullException>(() => blob.UploadAsync(null!, overwrite: true));
        await Assert.ThrowsAsync<ArgumentNullException>(() => blob.SetMetadataAsync(null!));
        await Assert.ThrowsAsync<ArgumentNullException>(() => blob.CopyToAsync(null!));
        await Assert.ThrowsAsync<ArgumentNullException>(() => blob.MoveToAsync(null!));
    }

    [Fact]
    public async Task Upload_LargerThanSinglePutLimit_Refused()
    {
        var blob = _container.GetBlobClient("huge");

        await Assert.ThrowsAsync<ArgumentException>(() => blob.UploadAsync(new FakeLengthStream(BlobClient.MaxUploadBytes + 1)));
    }

    [Theory]
    [InlineData(14)]
    [InlineData(61)]
    [InlineData(0)]
    [InlineData(-2)]
    public async Task LeaseDuration_OutOfRange_Refused(int seconds)
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _container.GetBlobClient("b").GetBlobLeaseClient().AcquireAsync(TimeSpan.FromSeconds(seconds)));
    }

    [Fact]
    public async Task LeaseDuration_FractionalSeconds_Refused()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _container.GetBlobClient("b").GetBlobLeaseClient().AcquireAsync(TimeSpan.FromSeconds(15.5)));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(61)]
    public async Task BreakPeriod_OutOfRange_Refused(int seconds)
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _container.GetBlobClient("b").GetBlobLeaseClient().BreakAsync(TimeSpan.FromSeconds(seconds)));
    }

    [Fact]
    public void LeaseClient_KeepsAGivenIdOrProposesAGuid()
    {
        var blob = _container.GetBlobClient("b");

        Assert.Equal("given", blob.GetBlobLeaseClient("given").LeaseId);
        Assert.True(Guid.TryParse(blob.GetBlobLeaseClient().LeaseId, out _));
    }

    [Fact]
    public async Task ListPageSize_OutOfRange_Refused()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await _container.GetBlobsAsync().AsPages(pageSizeHint: 0).FirstAsync());
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await _container.GetBlobsAsync().AsPages(pageSizeHint: 5001).FirstAsync());
    }

    private sealed class FakeLengthStream(long length) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => true;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position { get; set; }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new InvalidOperationException("The guard should refuse before reading.");

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
