using Azure;

namespace ContinuityOfCare.Storage.Blobs;

/// <summary>The state of a lease after an acquire, renew or break.</summary>
/// <param name="LeaseId">The lease id (empty after a break).</param>
/// <param name="ETag">The blob's ETag.</param>
/// <param name="LastModified">When the blob was last modified.</param>
/// <param name="RemainingBreakTime">After a break: how long until the lease is broken; null otherwise.</param>
public sealed record BlobLease(string LeaseId, ETag ETag, DateTimeOffset LastModified, TimeSpan? RemainingBreakTime);
