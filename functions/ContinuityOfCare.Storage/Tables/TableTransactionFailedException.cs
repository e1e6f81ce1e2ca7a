using Azure;

namespace ContinuityOfCare.Storage.Tables;

/// <summary>
/// An entity group transaction was rejected: nothing in it was applied. Still a <see cref="RequestFailedException"/>
/// (Status and ErrorCode are the failing action's, e.g. 409 <see cref="StorageErrorCode.EntityAlreadyExists"/>), plus
/// the index of the action that failed.
/// </summary>
public sealed class TableTransactionFailedException : RequestFailedException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="status">The failing action's HTTP status.</param>
    /// <param name="message">The message (no entity data).</param>
    /// <param name="errorCode">The storage error code, if any.</param>
    /// <param name="failedActionIndex">The zero-based index of the failing action, if the service named it.</param>
    /// <param name="requestId">The batch request's <c>x-ms-request-id</c>, if any.</param>
    public TableTransactionFailedException(int status, string message, string? errorCode, int? failedActionIndex, string? requestId)
        : base(status, message, errorCode, null)
    {
        FailedActionIndex = failedActionIndex;
        RequestId = requestId;
        Data["RequestId"] = requestId;
    }

    /// <summary>Creates the exception with a message only (serialization and analyzers require it).</summary>
    /// <param name="message">The message.</param>
    public TableTransactionFailedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public TableTransactionFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The zero-based index, in the submitted order, of the action that failed; null if unknown.</summary>
    public int? FailedActionIndex { get; }

    /// <summary>The service request id of the batch, if any.</summary>
    public string? RequestId { get; }
}
