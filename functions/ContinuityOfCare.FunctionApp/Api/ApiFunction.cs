using ContinuityOfCare.FunctionApp.Invocation;
using Microsoft.Extensions.Logging;

namespace ContinuityOfCare.FunctionApp.Api;

/// <summary>
/// The base of the HTTP API functions: hands the request to <see cref="HandleAsync"/> and turns the two expected kinds
/// of failure into problem answers, so a caller always gets <c>{"type","title","status","detail"}</c>:
/// an <see cref="ApiProblemException"/> becomes its problem; a storage failure (<see cref="StorageFailure"/>) becomes 503 (logged with status and
/// error code only). Anything else is a bug and fails the invocation (500 from the host).
/// </summary>
public abstract partial class ApiFunction(ILogger logger) : IHubFunction
{
    /// <inheritdoc />
    public async Task InvokeAsync(FunctionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Trigger is not HttpTriggerInput request)
        {
            throw new InvalidOperationException($"{context.Definition.Name} is triggered by HTTP, not {context.Trigger.GetType().Name}");
        }

        try
        {
            context.HttpResponse = await HandleAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (ApiProblemException exception)
        {
            context.HttpResponse = exception.Problem.ToResponse();
        }
        catch (Exception exception) when (StorageFailure.Find(exception) is { } failure && !cancellationToken.IsCancellationRequested)
        {
            LogStorageFailed(logger, context.Definition.Name, failure.Status, failure.ErrorCode);
            context.HttpResponse = ApiProblem.StorageUnavailable().ToResponse();
        }
    }

    /// <summary>Answers one request.</summary>
    /// <exception cref="ApiProblemException">The request cannot be answered as asked (becomes the problem answer).</exception>
    protected abstract Task<HttpResponseOutput> HandleAsync(HttpTriggerInput request, CancellationToken cancellationToken);

    [LoggerMessage(EventId = 6000, Level = LogLevel.Warning, Message = "{FunctionName}: storage failed with {Status} {ErrorCode}; answered 503")]
    private static partial void LogStorageFailed(ILogger logger, string functionName, int status, string? errorCode);
}
