using ContinuityOfCare.FunctionApp.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ContinuityOfCare.FunctionApp.Invocation;

/// <summary>
/// Runs one function in its own DI scope under host.json's <c>functionTimeout</c>; both hosts call through here.
/// Logs carry the function name and invocation id only (no personal data).
/// </summary>
public sealed partial class FunctionInvoker(IServiceScopeFactory scopes, HostJsonSettings settings, ILogger<FunctionInvoker> logger)
{
    /// <summary>Invokes the function named by <paramref name="context"/>; exceptions propagate (the invocation failed).</summary>
    /// <exception cref="TimeoutException">The function ran longer than the function timeout.</exception>
    public async Task InvokeAsync(FunctionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.FunctionTimeout);
        await using var scope = scopes.CreateAsyncScope();
        var function = scope.ServiceProvider.GetRequiredKeyedService<IHubFunction>(context.Definition.Name);
        LogStarting(context.Definition.Name, context.InvocationId);
        try
        {
            await function.InvokeAsync(context, timeout.Token).ConfigureAwait(false);
            LogSucceeded(context.Definition.Name, context.InvocationId);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            LogTimedOut(context.Definition.Name, context.InvocationId, settings.FunctionTimeout);
            throw new TimeoutException($"function {context.Definition.Name} exceeded the function timeout of {settings.FunctionTimeout}");
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The exception type only: messages may carry data from the input.
            LogFailed(context.Definition.Name, context.InvocationId, exception.GetType().Name);
            throw;
        }
    }

    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "Executing {FunctionName} (invocation {InvocationId})")]
    private partial void LogStarting(string functionName, string invocationId);

    [LoggerMessage(EventId = 101, Level = LogLevel.Information, Message = "Executed {FunctionName} (invocation {InvocationId}): succeeded")]
    private partial void LogSucceeded(string functionName, string invocationId);

    [LoggerMessage(EventId = 102, Level = LogLevel.Warning, Message = "Executed {FunctionName} (invocation {InvocationId}): failed with {ExceptionType}")]
    private partial void LogFailed(string functionName, string invocationId, string exceptionType);

    [LoggerMessage(EventId = 103, Level = LogLevel.Warning, Message = "{FunctionName} (invocation {InvocationId}) exceeded the function timeout {Timeout}")]
    private partial void LogTimedOut(string functionName, string invocationId, TimeSpan timeout);
}
