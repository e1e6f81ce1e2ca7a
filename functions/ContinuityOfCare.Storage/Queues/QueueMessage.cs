namespace ContinuityOfCare.Storage.Queues;

/// <summary>A received message: invisible to others until <see cref="NextVisibleOn"/>, deletable with <see cref="PopReceipt"/>.</summary>
public sealed class QueueMessage
{
    private readonly QueueMessageEncoding _encoding;

    internal QueueMessage(string messageId, string popReceipt, long dequeueCount, DateTimeOffset insertedOn, DateTimeOffset expiresOn, DateTimeOffset nextVisibleOn, string rawText, QueueMessageEncoding encoding)
    {
        MessageId = messageId;
        PopReceipt = popReceipt;
        DequeueCount = dequeueCount;
        InsertedOn = insertedOn;
        ExpiresOn = expiresOn;
        NextVisibleOn = nextVisibleOn;
        RawText = rawText;
        _encoding = encoding;
    }

    /// <summary>The message id.</summary>
    public string MessageId { get; }

    /// <summary>The pop receipt of this receive, needed to delete or update the message.</summary>
    public string PopReceipt { get; }

    /// <summary>How many times the message has been received, this time included.</summary>
    public long DequeueCount { get; }

    /// <summary>When the message was enqueued.</summary>
    public DateTimeOffset InsertedOn { get; }

    /// <summary>When the message expires.</summary>
    public DateTimeOffset ExpiresOn { get; }

    /// <summary>When the message becomes visible again unless deleted or updated.</summary>
    public DateTimeOffset NextVisibleOn { get; }

    /// <summary>The text exactly as stored on the wire (before decoding).</summary>
    public string RawText { get; }

    /// <summary>The decoded message text.</summary>
    /// <exception cref="FormatException">
    /// The client decodes base64 and the stored text is not valid base64 UTF-8 (a message written by another
    /// producer): the message is still received, so the caller can move it aside.
    /// </exception>
    public string MessageText => QueueMessageCodec.Decode(RawText, _encoding);
}
