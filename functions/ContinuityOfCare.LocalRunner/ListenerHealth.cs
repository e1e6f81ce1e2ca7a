using System.Collections.Concurrent;
using ContinuityOfCare.Hub.Api;

namespace ContinuityOfCare.LocalRunner;

/// <summary>
/// Which of the runner's listeners cannot reach storage right now, so health can say so (503) instead of answering
/// "healthy" while nothing is processed.
/// </summary>
public sealed class ListenerHealth : IHostHealth
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _failing = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public IReadOnlyDictionary<string, DateTimeOffset> FailingListeners => _failing;

    /// <summary>Records a failed poll (the first failure's time is kept).</summary>
    public void Failed(string listener, DateTimeOffset at) => _failing.TryAdd(listener, at);

    /// <summary>Records a successful poll.</summary>
    public void Recovered(string listener) => _failing.TryRemove(listener, out _);
}
