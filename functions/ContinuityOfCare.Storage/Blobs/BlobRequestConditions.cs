using Azure;

namespace ContinuityOfCare.Storage.Blobs;

/// <summary>Conditions on a blob write, read or delete.</summary>
public sealed class BlobRequestConditions
{
    /// <summary>Only if the blob's ETag is this one (<c>If-Match</c>); a mismatch fails with 412 ConditionNotMet.</summary>
    public ETag? IfMatch { get; init; }

    /// <summary>
    /// Only if the blob's ETag is not this one (<c>If-None-Match</c>); <see cref="ETag.All"/> means "only if the blob does
    /// not exist", which fails with 409 <see cref="StorageErrorCode.BlobAlreadyExists"/> on writes.
    /// </summary>
    public ETag? IfNoneMatch { get; init; }

    /// <summary>The active lease's id (<c>x-ms-lease-id</c>), required to write or delete a leased blob.</summary>
    public string? LeaseId { get; init; }
}
