namespace ContinuityOfCare.FunctionApp.Invocation;

/// <summary>
/// A function: a plain class with injected dependencies that both hosts call with the same
/// <see cref="FunctionContext"/>. A function that throws fails the invocation (the message is retried, the custom
/// handler answers non-2xx).
/// </summary>
public interface IHubFunction
{
    /// <summary>Runs the function once.</summary>
    Task InvokeAsync(FunctionContext context, CancellationToken cancellationToken);
}
