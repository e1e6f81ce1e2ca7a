using ContinuityOfCare.Hub.Api;
using ContinuityOfCare.Hub.State;

namespace ContinuityOfCare.FunctionApp.Tests.Api;

/// <summary>Records the confirmed matches it is asked to route (the pipeline's real router is tested with the pipeline).</summary>
public sealed class RecordingPossibleMatchRouter : IPossibleMatchRouter
{
    private readonly List<string> _routed = [];

    /// <summary>Ids routed, in order.</summary>
    public IReadOnlyList<string> Routed
    {
        get
        {
            lock (_routed)
            {
                return [.. _routed];
            }
        }
    }

    /// <inheritdoc />
    public Task RouteConfirmedAsync(HeldPossibleMatch match, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(match);
        lock (_routed)
        {
            _routed.Add(match.Id);
        }

        return Task.CompletedTask;
    }
}
