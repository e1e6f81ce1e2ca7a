using Azure;
using ContinuityOfCare.Storage.Queues;
using ContinuityOfCare.Testing;
using Xunit;

namespace ContinuityOfCare.Storage.Tests.Queues;

[Collection(AzuriteCollection.Name)]
public sealed class QueueConformanceTests(AzuriteFixture azurite)
{
    private async Task<QueueClient> NewQueueAsync(QueueMessageEncoding encoding = QueueMessageEncoding.Base64)
    {
        var queue = new QueueClient(azurite.ConnectionString, azurite.UniqueName("q"), new QueueClientOptions { MessageEncoding = encoding });
        Assert.True((await queue.CreateIfNotExistsAsync()).Value);
        return queue;
    }

    private QueueClient SameQueue(QueueClient queue, QueueMessageEncoding encoding) =>
        new(azurite.ConnectionString, queue.Name, new QueueClientOptions { MessageEncoding = encoding });

    /// <summary>Polls until a message is receivable (visibility timeouts are whole seconds), at most 15 s.</summary>
    private static async Task<QueueMessage> ReceiveWhenVisibleAsync(QueueClient queue, TimeSpan visibilityTimeout)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (true)
        {
            var messages = (await queue.ReceiveMessagesAsync(1, visibilityTimeout, timeout.Token)).Value;
            if (messages.Count == 1)
            {
                return messages[0];
            }

            await Task.Delay(100, timeout.Token);
        }
    }

    [Fact]
    public async Task CreateIfNotExists_Twice_SecondReportsExisting()
    {
        var queue = await NewQueueAsync();
        Assert.False((await queue.CreateIfNotExistsAsync()).Value);
    }

    [Fact]
    public async Task DeleteIfExists_ExistingThenMissing_TrueThenFalse()
    {
        var queue = await NewQueueAsync();
        Assert.True((await queue.DeleteIfExistsAsync()).Value);
        Assert.False((await queue.DeleteIfExistsAsync()).Value);
    }

    [Fact]
    public async Task SendReceiveDelete_RoundTripsTextAndMetadata()
    {
        var queue = await NewQueueAsync();
        const string text = "{\"id\":\"é<&>'\\\"\"}";
        var sent = (await queue.SendMessageAsync(text)).Value;

        var received = (await queue.ReceiveMessagesAsync(32, TimeSpan.FromSeconds(30))).Value;

        var message = Assert.Single(received);
        Assert.Equal(sent.MessageId, message.MessageId);
        Assert.Equal(text, message.MessageText);
        Assert.Equal(1, message.DequeueCount);
        Assert.True(message.NextVisibleOn > message.InsertedOn);
        Assert.True(message.ExpiresOn > message.InsertedOn);
        await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
        Assert.Equal(0, (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task Base64Encoding_TextArrivesAsBase64OfUtf8OnTheWire_LikeTheFunctionsHost()
    {
        var queue = await NewQueueAsync();
        await queue.SendMessageAsync("héllo");

        var raw = Assert.Single((await SameQueue(queue, QueueMessageEncoding.None).ReceiveMessagesAsync()).Value);

        Assert.Equal(Convert.ToBase64String("héllo"u8.ToArray()), raw.MessageText);
    }

    [Fact]
    public async Task NoneEncoding_XmlSpecialCharacters_RoundTrip()
    {
        var queue = await NewQueueAsync(QueueMessageEncoding.None);
        const string text = "<a href=\"x\">&amp; 'q'</a>";
        await queue.SendMessageAsync(text);

        Assert.Equal(text, Assert.Single((await queue.PeekMessagesAsync()).Value).MessageText);
    }

    [Fact]
    public async Task Receive_MessageNotBase64_StillReceivedButTextThrows()
    {
        var queue = await NewQueueAsync();
        await SameQueue(queue, QueueMessageEncoding.None).SendMessageAsync("not base64 !");

        var message = Assert.Single((await queue.ReceiveMessagesAsync()).Value);

        Assert.Equal("not base64 !", message.RawText);
        Assert.Throws<FormatException>(() => message.MessageText);
    }

    [Fact]
    public async Task VisibilityTimeout_Expires_MessageReappearsWithHigherDequeueCountAndNewPopReceipt()
    {
        var queue = await NewQueueAsync();
        await queue.SendMessageAsync("work");
        var first = Assert.Single((await queue.ReceiveMessagesAsync(1, TimeSpan.FromSeconds(1))).Value);
        Assert.Empty((await queue.ReceiveMessagesAsync(1, TimeSpan.FromSeconds(1))).Value);

        var second = await ReceiveWhenVisibleAsync(queue, TimeSpan.FromSeconds(30));

        Assert.Equal(first.MessageId, second.MessageId);
        Assert.Equal(2, second.DequeueCount);
        Assert.NotEqual(first.PopReceipt, second.PopReceipt);
        var stale = await Assert.ThrowsAsync<RequestFailedException>(() => queue.DeleteMessageAsync(first.MessageId, first.PopReceipt));
        Assert.Equal(400, stale.Status);
        Assert.Equal(StorageErrorCode.PopReceiptMismatch, stale.ErrorCode);
        await queue.DeleteMessageAsync(second.MessageId, second.PopReceipt);
    }

    [Fact]
    public async Task Send_WithVisibilityDelay_InvisibleUntilDelayPasses()
    {
        var queue = await NewQueueAsync();
        var sent = (await queue.SendMessageAsync("later", visibilityTimeout: TimeSpan.FromSeconds(1))).Value;

        Assert.Empty((await queue.ReceiveMessagesAsync()).Value);
        Assert.True(sent.NextVisibleOn > sent.InsertedOn);
        var message = await ReceiveWhenVisibleAsync(queue, TimeSpan.FromSeconds(30));
        Assert.Equal("later", message.MessageText);
    }

    [Fact]
    public async Task Send_TimeToLive_ExpiresAndInfiniteNeverExpires()
    {
        var queue = await NewQueueAsync();
        var shortLived = (await queue.SendMessageAsync("short", timeToLive: TimeSpan.FromSeconds(1))).Value;
        var forever = (await queue.SendMessageAsync("forever", timeToLive: QueueClient.InfiniteTimeToLive)).Value;

        Assert.Equal(shortLived.InsertedOn.AddSeconds(1), shortLived.ExpiresOn);
        Assert.True(forever.ExpiresOn.Year >= 9999);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while ((await queue.PeekMessagesAsync(32, timeout.Token)).Value.Count > 1)
        {
            await Task.Delay(100, timeout.Token);
        }

        Assert.Equal("forever", Assert.Single((await queue.PeekMessagesAsync(32)).Value).MessageText);
    }

    [Fact]
    public async Task Peek_DoesNotDequeue()
    {
        var queue = await NewQueueAsync();
        await queue.SendMessageAsync("look");

        var peeked = Assert.Single((await queue.PeekMessagesAsync(5)).Value);
        Assert.Equal(0, peeked.DequeueCount);
        Assert.Equal("look", peeked.MessageText);
        var received = Assert.Single((await queue.ReceiveMessagesAsync()).Value);
        Assert.Equal(1, received.DequeueCount);
        Assert.Equal(peeked.MessageId, received.MessageId);
    }

    [Fact]
    public async Task ReceiveMany_ReturnsUpToMax_AndApproximateCountCountsAll()
    {
        var queue = await NewQueueAsync();
        for (var i = 0; i < 5; i++)
        {
            await queue.SendMessageAsync($"m{i}");
        }

        Assert.Equal(5, (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
        Assert.Equal(3, (await queue.ReceiveMessagesAsync(3)).Value.Count);
        Assert.Equal(2, (await queue.ReceiveMessagesAsync(32)).Value.Count);
        Assert.Equal(5, (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task UpdateMessage_ChangesTextAndVisibility_ReturnsNewPopReceipt()
    {
        var queue = await NewQueueAsync();
        await queue.SendMessageAsync("v1");
        var received = Assert.Single((await queue.ReceiveMessagesAsync(1, TimeSpan.FromSeconds(30))).Value);

        var updated = (await queue.UpdateMessageAsync(received.MessageId, received.PopReceipt, TimeSpan.Zero, "v2")).Value;

        Assert.NotEqual(received.PopReceipt, updated.PopReceipt);
        var again = await ReceiveWhenVisibleAsync(queue, TimeSpan.FromSeconds(30));
        Assert.Equal("v2", again.MessageText);
        Assert.Equal(2, again.DequeueCount);
    }

    [Fact]
    public async Task UpdateMessage_VisibilityOnly_KeepsText()
    {
        var queue = await NewQueueAsync();
        await queue.SendMessageAsync("keep");
        var received = Assert.Single((await queue.ReceiveMessagesAsync(1, TimeSpan.FromSeconds(30))).Value);

        var updated = (await queue.UpdateMessageAsync(received.MessageId, received.PopReceipt, TimeSpan.FromSeconds(60))).Value;

        Assert.True(updated.NextVisibleOn > received.InsertedOn.AddSeconds(30));
        Assert.Empty((await queue.ReceiveMessagesAsync()).Value);
        await queue.DeleteMessageAsync(received.MessageId, updated.PopReceipt);
        Assert.Equal(0, (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task Operations_OnMissingQueue_Throw404WithErrorCodeAndRequestId()
    {
        var queue = new QueueClient(azurite.ConnectionString, azurite.UniqueName("missing"));

        var failure = await Assert.ThrowsAsync<RequestFailedException>(() => queue.SendMessageAsync("x"));

        Assert.Equal(404, failure.Status);
        Assert.Equal(StorageErrorCode.QueueNotFound, failure.ErrorCode);
        Assert.False(string.IsNullOrEmpty(failure.GetRequestId()));
        Assert.Contains(failure.GetRequestId()!, failure.Message, StringComparison.Ordinal);
    }
}
