using Azure.Core;
using ContinuityOfCare.Storage.Queues;
using Xunit;

namespace ContinuityOfCare.Storage.Tests.Queues;

public sealed class QueueGuardTests
{
    private readonly QueueClient _queue = DeadEndpoint.Queue();

    [Theory]
    [InlineData("ab")]
    [InlineData("Upper")]
    [InlineData("-lead")]
    [InlineData("trail-")]
    [InlineData("dou--ble")]
    [InlineData("under_score")]
    [InlineData("")]
    [InlineData("a23456789012345678901234567890123456789012345678901234567890abcd")]
    public void QueueName_Invalid_Throws(string name)
    {
        Assert.Throws<ArgumentException>(() => new QueueClient(DeadEndpoint.ConnectionString, name));
        Assert.Throws<ArgumentException>(() => new QueueClient(new Uri("https://acct.queue.core.windows.net/" + name), new StorageSharedKeyCredential("acct", "a2V5")));
    }

    [Fact]
    public void QueueName_FromUri_IsTheLastSegment()
    {
        var queue = new QueueClient(new Uri("http://127.0.0.1:1/devstoreaccount1/ingest-poison"), new StorageSharedKeyCredential("devstoreaccount1", "a2V5"));

        Assert.Equal("ingest-poison", queue.Name);
    }

    [Fact]
    public void Constructors_NullArguments_Throw()
    {
        var uri = new Uri("https://acct.queue.core.windows.net/q1q");
        Assert.Throws<ArgumentNullException>(() => new QueueClient(null!, "abc"));
        Assert.Throws<ArgumentNullException>(() => new QueueClient(DeadEndpoint.ConnectionString, null!));
        Assert.Throws<ArgumentNullException>(() => new QueueClient(uri, (TokenCredential)null!));
        Assert.Throws<ArgumentNullException>(() => new QueueClient(uri, (StorageSharedKeyCredential)null!));
        Assert.Throws<ArgumentNullException>(() => new QueueClient(null!, new StorageSharedKeyCredential("a", "a2V5")));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(33)]
    [InlineData(-1)]
    public async Task MessageCount_OutOfRange_Refused(int count)
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _queue.ReceiveMessagesAsync(count));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _queue.PeekMessagesAsync(count));
    }

    [Fact]
    public async Task ReceiveVisibilityTimeout_OutOfRange_Refused()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _queue.ReceiveMessagesAsync(1, TimeSpan.Zero));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _queue.ReceiveMessagesAsync(1, TimeSpan.FromMilliseconds(900)));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _queue.ReceiveMessagesAsync(1, TimeSpan.FromDays(7) + TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task SendVisibilityDelay_OutOfRange_Refused()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _queue.SendMessageAsync("m", TimeSpan.FromSeconds(-1)));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _queue.SendMessageAsync("m", TimeSpan.FromDays(8)));
    }

    [Fact]
    public async Task SendTimeToLive_ZeroOrNegativeOtherThanInfinite_Refused()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _queue.SendMessageAsync("m", timeToLive: TimeSpan.Zero));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _queue.SendMessageAsync("m", timeToLive: TimeSpan.FromSeconds(-2)));
    }

    [Fact]
    public async Task Send_NullOrOversizedText_Refused()
    {
        await Assert.ThrowsAsync<ArgumentNullException>(() => _queue.SendMessageAsync(null!));
        // Base64 grows 3 bytes to 4: 49,153 bytes encode to 65,540 > 64 KiB.
        await Assert.ThrowsAsync<ArgumentException>(() => _queue.SendMessageAsync(new string('x', 49_153)));
    }

    [Fact]
    public async Task DeleteAndUpdate_MissingIdOrReceipt_Refused()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _queue.DeleteMessageAsync(string.Empty, "r"));
        await Assert.ThrowsAsync<ArgumentException>(() => _queue.DeleteMessageAsync("id", string.Empty));
        await Assert.ThrowsAsync<ArgumentNullException>(() => _queue.DeleteMessageAsync(null!, "r"));
        await Assert.ThrowsAsync<ArgumentException>(() => _queue.UpdateMessageAsync(string.Empty, "r", TimeSpan.Zero));
        await Assert.ThrowsAsync<ArgumentNullException>(() => _queue.UpdateMessageAsync("id", null!, TimeSpan.Zero));
    }

    [Fact]
    public async Task UpdateVisibility_OutOfRange_Refused()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _queue.UpdateMessageAsync("id", "r", TimeSpan.FromSeconds(-1)));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _queue.UpdateMessageAsync("id", "r", TimeSpan.FromDays(8)));
    }

    [Fact]
    public void Codec_Base64OfUtf8_AndNonePassThrough()
    {
        Assert.Equal("aMOpbGxv", QueueMessageCodec.Encode("héllo", QueueMessageEncoding.Base64));
        Assert.Equal("héllo", QueueMessageCodec.Decode("aMOpbGxv", QueueMessageEncoding.Base64));
        Assert.Equal("<x>", QueueMessageCodec.Encode("<x>", QueueMessageEncoding.None));
        Assert.Throws<FormatException>(() => QueueMessageCodec.Decode("not base64", QueueMessageEncoding.Base64));
        Assert.Throws<FormatException>(() => QueueMessageCodec.Decode(Convert.ToBase64String([0xC3]), QueueMessageEncoding.Base64));
    }

    [Fact]
    public void Options_DefaultEncoding_IsBase64LikeTheFunctionsHost()
    {
        Assert.Equal(QueueMessageEncoding.Base64, new QueueClientOptions().MessageEncoding);
    }
}
