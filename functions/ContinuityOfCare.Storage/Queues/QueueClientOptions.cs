using Azure.Core;

namespace ContinuityOfCare.Storage.Queues;

/// <summary>Options for <see cref="QueueClient"/>: retries, logging and transport from Azure.Core, plus the message encoding.</summary>
public sealed class QueueClientOptions : ClientOptions
{
    /// <summary>The Queue service REST API version sent as <c>x-ms-version</c>.</summary>
    public const string ServiceVersion = "2021-12-02";

    /// <summary>How message text is encoded on the wire; <see cref="QueueMessageEncoding.Base64"/> (the Functions host's default) unless set.</summary>
    public QueueMessageEncoding MessageEncoding { get; set; } = QueueMessageEncoding.Base64;
}
