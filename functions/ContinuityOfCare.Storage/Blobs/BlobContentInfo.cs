using Azure;

namespace ContinuityOfCare.Storage.Blobs;

/// <summary>The result of a successful upload.</summary>
/// <param name="ETag">The new ETag.</param>
/// <param name="LastModified">When the blob was written.</param>
public sealed record BlobContentInfo(ETag ETag, DateTimeOffset LastModified);
