using Azure;

namespace ContinuityOfCare.Storage.Blobs;

/// <summary>One blob in a listing.</summary>
/// <param name="Name">The full blob name (including any '/'-separated prefix).</param>
/// <param name="ContentLength">Size in bytes.</param>
/// <param name="ContentType">The Content-Type, if any.</param>
/// <param name="ETag">The ETag.</param>
/// <param name="LastModified">When last written.</param>
/// <param name="Metadata">The metadata.</param>
public sealed record BlobItem(string Name, long ContentLength, string? ContentType, ETag ETag, DateTimeOffset LastModified, IReadOnlyDictionary<string, string> Metadata);
