using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace ContinuityOfCare.FunctionApp.Obligations;

/// <summary>
/// Where <see cref="DurableObligationEvents"/> gets its <see cref="DurableTaskClient"/>. In Azure the isolated worker
/// gives a client only to a function with a <c>[DurableClient]</c> binding, per invocation: such a function sets it
/// for its own call (<see cref="Use"/>, flowing with the async call). A host that registers a client in its services
/// (the local runner's in-process engine) needs nothing set.
/// </summary>
public sealed class DurableClientSource(IServiceProvider services)
{
    private static readonly AsyncLocal<DurableTaskClient?> Current = new();

    /// <summary>The client of the current invocation, else the host's.</summary>
    /// <exception cref="InvalidOperationException">Neither: the caller is not a function with a <c>[DurableClient]</c> binding.</exception>
    public DurableTaskClient Client => Current.Value ?? services.GetService<DurableTaskClient>()
        ?? throw new InvalidOperationException("no Durable Task client: obligations are started and raised from functions with a [DurableClient] binding");

    /// <summary>Makes <paramref name="client"/> the client for the rest of the current async call; dispose to restore.</summary>
    public static IDisposable Use(DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        var previous = Current.Value;
        Current.Value = client;
        return new Restore(previous);
    }

    private sealed class Restore(DurableTaskClient? previous) : IDisposable
    {
        public void Dispose() => Current.Value = previous;
    }
}
