using Azure;

namespace ContinuityOfCare.Storage;

/// <summary>Named outcomes of a <see cref="RequestFailedException"/> from the storage services.</summary>
public static class RequestFailedExceptionExtensions
{
    /// <summary>
    /// True for 409 Conflict: e.g. inserting an entity that exists (<see cref="StorageErrorCode.EntityAlreadyExists"/>),
    /// creating a blob that exists with create-only (<see cref="StorageErrorCode.BlobAlreadyExists"/>), or acquiring a
    /// leased blob (<see cref="StorageErrorCode.LeaseAlreadyPresent"/>).
    /// </summary>
    /// <param name="exception">The failure.</param>
    /// <returns>Whether the status is 409.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="exception"/> is null.</exception>
    public static bool IsConflict(this RequestFailedException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.Status == 409;
    }

    /// <summary>
    /// True for 412 Precondition Failed: an <c>If-Match</c> ETag no longer matches (someone else wrote first), or a
    /// lease condition failed.
    /// </summary>
    /// <param name="exception">The failure.</param>
    /// <returns>Whether the status is 412.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="exception"/> is null.</exception>
    public static bool IsPreconditionFailed(this RequestFailedException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.Status == 412;
    }

    /// <summary>True for 404 Not Found (the table, queue, container, entity, message or blob does not exist).</summary>
    /// <param name="exception">The failure.</param>
    /// <returns>Whether the status is 404.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="exception"/> is null.</exception>
    public static bool IsNotFound(this RequestFailedException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.Status == 404;
    }

    /// <summary>The service's request id (<c>x-ms-request-id</c>) of the failed request, for support correlation.</summary>
    /// <param name="exception">The failure.</param>
    /// <returns>The request id, or null when the failure has no HTTP response (e.g. a client-side transaction failure without one).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="exception"/> is null.</exception>
    public static string? GetRequestId(this RequestFailedException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (exception.GetRawResponse()?.Headers.TryGetValue("x-ms-request-id", out var requestId) == true)
        {
            return requestId;
        }

        return exception.Data["RequestId"] as string;
    }
}
