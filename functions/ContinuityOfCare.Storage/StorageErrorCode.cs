namespace ContinuityOfCare.Storage;

/// <summary>Storage error codes (<see cref="Azure.RequestFailedException.ErrorCode"/>) the hub branches on.</summary>
public static class StorageErrorCode
{
    /// <summary>Insert of an entity whose PartitionKey and RowKey already exist (409).</summary>
    public const string EntityAlreadyExists = "EntityAlreadyExists";

    /// <summary>A Table If-Match ETag did not match (412).</summary>
    public const string UpdateConditionNotSatisfied = "UpdateConditionNotSatisfied";

    /// <summary>A Blob/Queue condition (If-Match, If-None-Match) was not met (412).</summary>
    public const string ConditionNotMet = "ConditionNotMet";

    /// <summary>The entity or resource does not exist (404).</summary>
    public const string ResourceNotFound = "ResourceNotFound";

    /// <summary>The table does not exist (404).</summary>
    public const string TableNotFound = "TableNotFound";

    /// <summary>The queue does not exist (404).</summary>
    public const string QueueNotFound = "QueueNotFound";

    /// <summary>The message no longer exists (404): deleted or expired.</summary>
    public const string MessageNotFound = "MessageNotFound";

    /// <summary>
    /// The pop receipt is stale: the message became visible again and was received (or updated) since (400).
    /// </summary>
    public const string PopReceiptMismatch = "PopReceiptMismatch";

    /// <summary>The container does not exist (404).</summary>
    public const string ContainerNotFound = "ContainerNotFound";

    /// <summary>The blob does not exist (404).</summary>
    public const string BlobNotFound = "BlobNotFound";

    /// <summary>A create-only upload found an existing blob (409).</summary>
    public const string BlobAlreadyExists = "BlobAlreadyExists";

    /// <summary>Acquire on a blob that another holder has leased (409).</summary>
    public const string LeaseAlreadyPresent = "LeaseAlreadyPresent";

    /// <summary>A write or delete on a leased blob without its lease id (412).</summary>
    public const string LeaseIdMissing = "LeaseIdMissing";

    /// <summary>The given lease id does not match the blob's active lease (409 or 412 depending on the operation).</summary>
    public const string LeaseIdMismatchWithLeaseOperation = "LeaseIdMismatchWithLeaseOperation";

    /// <summary>The lease has expired or was released, so it cannot be renewed (409).</summary>
    public const string LeaseNotPresentWithLeaseOperation = "LeaseNotPresentWithLeaseOperation";
}
