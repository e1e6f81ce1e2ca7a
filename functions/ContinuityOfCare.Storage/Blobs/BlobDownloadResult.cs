namespace ContinuityOfCare.Storage.Blobs;

/// <summary>A streamed download: read <see cref="Content"/> (straight from the network) and dispose the result.</summary>
public sealed class BlobDownloadResult : IDisposable, IAsyncDisposable
{
    internal BlobDownloadResult(Stream content, BlobProperties properties)
    {
        Content = content;
        Properties = properties;
    }

    /// <summary>The blob's bytes, streamed.</summary>
    public Stream Content { get; }

    /// <summary>The properties returned with the content (ETag, ContentLength, ContentType, metadata…).</summary>
    public BlobProperties Properties { get; }

    /// <summary>Closes the content stream.</summary>
    public void Dispose() => Content.Dispose();

    /// <summary>Closes the content stream.</summary>
    /// <returns>A task completing when closed.</returns>
    public ValueTask DisposeAsync() => Content.DisposeAsync();
}
