using System.Reflection;
using ContinuityOfCare.Hub.Storage;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace ContinuityOfCare.LocalRunner;

/// <summary>
/// Calls a function method as the isolated worker would: a new instance of its class per invocation (constructor
/// injection from a DI scope), the trigger value bound to the trigger parameter, other parameters by name from the
/// trigger's metadata (the blob name, route values), the cancellation token, a <c>[DurableClient]</c> the runner's
/// in-process engine's client; then its return value to its queue output.
/// </summary>
public sealed class FunctionInvoker(IServiceScopeFactory scopes, HubStorage storage)
{
    /// <summary>Queue output messages of one invocation sent at once.</summary>
    private const int OutputParallelism = 16;

    /// <summary>Invokes the function and delivers its queue output.</summary>
    /// <exception cref="Exception">Whatever the function threw (the caller retries or reports it).</exception>
    public async Task<object?> InvokeAsync(
        IndexedFunction function, object? triggerValue, IReadOnlyDictionary<string, object?> named, CancellationToken cancellationToken, IServiceProvider? requestServices = null)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(named);
        // An HTTP request brings its own scope (ASP.NET Core's request services); other triggers get one per invocation.
        await using var scope = requestServices is null ? scopes.CreateAsyncScope() : default(AsyncServiceScope?);
        var provider = requestServices ?? scope!.Value.ServiceProvider;
        var target = function.Method.IsStatic ? null : ActivatorUtilities.CreateInstance(provider, function.Method.DeclaringType!);
        try
        {
            var arguments = function.Method.GetParameters()
                .Select(p => p.ParameterType == typeof(DurableTaskClient) ? provider.GetRequiredService<DurableTaskClient>() : Bind(function, p, triggerValue, named, cancellationToken))
                .ToArray();
            object? result;
            try
            {
                result = function.Method.Invoke(target, arguments);
            }
            catch (TargetInvocationException exception) when (exception.InnerException is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(exception.InnerException);
                throw;
            }

            if (result is Task task)
            {
                await task.ConfigureAwait(false);
                result = task.GetType().IsGenericType ? task.GetType().GetProperty("Result")!.GetValue(task) : null;
            }

            await SendOutputAsync(function, result, CancellationToken.None).ConfigureAwait(false);
            return result;
        }
        finally
        {
            switch (target)
            {
                case IAsyncDisposable asyncDisposable:
                    await asyncDisposable.DisposeAsync().ConfigureAwait(false);
                    break;
                case IDisposable disposable:
                    disposable.Dispose();
                    break;
            }
        }
    }

    private static object? Bind(IndexedFunction function, ParameterInfo parameter, object? triggerValue, IReadOnlyDictionary<string, object?> named, CancellationToken cancellationToken)
    {
        if (parameter.ParameterType == typeof(CancellationToken))
        {
            return cancellationToken;
        }

        if (parameter == function.TriggerParameter || parameter.Position == function.TriggerParameter.Position)
        {
            return triggerValue switch
            {
                byte[] bytes when parameter.ParameterType == typeof(string) => System.Text.Encoding.UTF8.GetString(bytes),
                byte[] bytes when parameter.ParameterType == typeof(BinaryData) => BinaryData.FromBytes(bytes),
                _ => triggerValue,
            };
        }

        return named.TryGetValue(parameter.Name!, out var value)
            ? value
            : throw new InvalidOperationException($"function {function.Name}: the local runner cannot bind parameter {parameter.Name}");
    }

    private async Task SendOutputAsync(IndexedFunction function, object? result, CancellationToken cancellationToken)
    {
        if (function.OutputQueue is null || result is null)
        {
            return;
        }

        IEnumerable<string> messages = result switch
        {
            string text => [text],
            IEnumerable<string> texts => texts,
            _ => throw new InvalidOperationException($"function {function.Name}: the local runner sends string or string[] queue outputs, not {result.GetType().Name}"),
        };
        var queue = storage.Queue(function.OutputQueue);
        await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        // Side by side: the invocation — and so the window in which a crash leaves its trigger message to be delivered
        // again — ends only when every output is sent, and a route can return hundreds (one per Alert Form).
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = OutputParallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(messages, parallel, async (message, token) =>
            await queue.SendMessageAsync(message, token).ConfigureAwait(false)).ConfigureAwait(false);
    }
}
