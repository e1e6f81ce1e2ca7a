using Azure;

namespace ContinuityOfCare.Storage.Blobs;

/// <summary>A blob's system properties and metadata.</summary>
/// <param name="ContentLength">Size in bytes.</param>
/// <param name="ContentType">The Content-Type, if any.</param>
/// <param name="ETag">The current ETag.</param>
/// <param name="LastModified">When last written.</param>
/// <param name="Metadata">The metadata (names case-insensitive).</param>
/// <param name="LeaseState">available, leased, expired, breaking or broken; null if not reported.</param>
/// <param name="CopyStatus">pending, success, aborted or failed for a copy destination; null otherwise.</param>
public sealed record BlobProperties(
    long ContentLength,
    string? ContentType,
    ETag ETag,
    DateTimeOffset LastModified,
    IReadOnlyDictionary<string, string> Metadata,
    string? LeaseState,
    string? CopyStatus);
