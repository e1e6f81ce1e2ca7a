using Microsoft.Extensions.Logging;

namespace ContinuityOfCare.Hub.Api;

/// <summary>
/// The base of the HTTP API's logic (the function classes of the function app are thin bridges to it): hands the
/// request to <see cref="HandleAsync"/> and turns the two expected kinds of failure into problem answers, so a caller
/// always gets <c>{"type","title","status","detail"}</c>: an <see cref="ApiProblemException"/> becomes its problem; a
/// storage failure (<see cref="StorageFailure"/>) becomes 503 (logged with status and error code only). Anything else
/// is a bug and fails the invocation (500 from the host).
/// </summary>
public abstract partial class ApiEndpoint(ILogger logger)
{
    /// <summary>Answers one request.</summary>
    public async Task<HttpResponseOutput> InvokeAsync(HttpTriggerInput request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            ApiRequest.ThrowIfBodyTooLarge(request, MaxBodyBytes);

            return await HandleAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (ApiProblemException exception)
        {
            return exception.Problem.ToResponse();
        }
        catch (Exception exception) when (StorageFailure.Find(exception) is { } failure && !cancellationToken.IsCancellationRequested)
        {
            LogStorageFailed(logger, GetType().Name, failure.Status, failure.ErrorCode);
            return ApiProblem.StorageUnavailable().ToResponse();
        }
    }

    /// <summary>
    /// The most body bytes this endpoint takes (the JSON cap unless it overrides it, as the upload does): the host bridge
    /// stops reading there (<see cref="HttpTriggerInput.BodyOverCap"/>) and <see cref="InvokeAsync"/> refuses anything
    /// larger with 413 before <see cref="HandleAsync"/> runs — the one body-cap rule for every endpoint.
    /// </summary>
    public virtual long MaxBodyBytes => ApiRequest.MaxBodyBytes;

    /// <summary>The endpoint's own logic.</summary>
    protected abstract Task<HttpResponseOutput> HandleAsync(HttpTriggerInput request, CancellationToken cancellationToken);

    [LoggerMessage(EventId = 6000, Level = LogLevel.Warning, Message = "{Endpoint}: storage failed with {Status} {ErrorCode}; answered 503")]
    private static partial void LogStorageFailed(ILogger logger, string endpoint, int status, string? errorCode);
}
