namespace ContinuityOfCare.Storage.Blobs;

/// <summary>Options for <see cref="BlobClient.UploadAsync(Stream, BlobUploadOptions?, CancellationToken)"/>.</summary>
public sealed class BlobUploadOptions
{
    /// <summary>The blob's Content-Type; null leaves the service default (<c>application/octet-stream</c>).</summary>
    public string? ContentType { get; init; }

    /// <summary>Metadata (<c>x-ms-meta-*</c>): names are C# identifiers, values printable ASCII.</summary>
    public IReadOnlyDictionary<string, string>? Metadata { get; init; }

    /// <summary>Conditions: e.g. <c>IfNoneMatch = ETag.All</c> for create-only, or the lease id of a leased blob.</summary>
    public BlobRequestConditions? Conditions { get; init; }
}
