namespace ContinuityOfCare.Hub.Api;

/// <summary>
/// What the host running the functions knows about itself that storage cannot tell: which trigger listeners cannot
/// reach storage now. The local runner reports it; in Azure the Functions host restarts listeners itself, so none is
/// registered there.
/// </summary>
public interface IHostHealth
{
    /// <summary>The listeners failing now (a queue or inbox name, never personal data), each with when it started failing.</summary>
    IReadOnlyDictionary<string, DateTimeOffset> FailingListeners { get; }
}
