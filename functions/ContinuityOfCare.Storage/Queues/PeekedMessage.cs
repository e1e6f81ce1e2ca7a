namespace ContinuityOfCare.Storage.Queues;

/// <summary>A message seen with peek: it stays visible and its dequeue count is unchanged.</summary>
public sealed class PeekedMessage
{
    private readonly QueueMessageEncoding _encoding;

    internal PeekedMessage(string messageId, long dequeueCount, DateTimeOffset insertedOn, DateTimeOffset expiresOn, string rawText, QueueMessageEncoding encoding)
    {
        MessageId = messageId;
        DequeueCount = dequeueCount;
        InsertedOn = insertedOn;
        ExpiresOn = expiresOn;
        RawText = rawText;
        _encoding = encoding;
    }

    /// <summary>The message id.</summary>
    public string MessageId { get; }

    /// <summary>How many times the message has been received.</summary>
    public long DequeueCount { get; }

    /// <summary>When the message was enqueued.</summary>
    public DateTimeOffset InsertedOn { get; }

    /// <summary>When the message expires.</summary>
    public DateTimeOffset ExpiresOn { get; }

    /// <summary>The text exactly as stored on the wire (before decoding).</summary>
    public string RawText { get; }

    /// <summary>The decoded message text.</summary>
    /// <exception cref="FormatException">The client decodes base64 and the stored text is not valid base64 UTF-8.</exception>
    public string MessageText => QueueMessageCodec.Decode(RawText, _encoding);
}
