namespace ContinuityOfCare.Hub.Obligations;

/// <summary>
/// Starts obligations' orchestrations and raises their events, so the hub's endpoints and pipeline do not depend on
/// the Durable client: the function app provides it from the invocation's <c>DurableTaskClient</c>, the local runner
/// from its in-process engine's.
/// </summary>
public interface IObligationEvents
{
    /// <summary>Starts the orchestration of <paramref name="start"/> (instance id = obligation id); one already there is success.</summary>
    /// <returns>True when this call started it; false when it existed already.</returns>
    Task<bool> StartAsync(ObligationStart start, CancellationToken cancellationToken);

    /// <summary>Raises <c>fulfilled</c> on the obligation's orchestration (nothing when it has none or it has ended).</summary>
    Task RaiseFulfilledAsync(string obligationId, ObligationFulfilled fulfilled, CancellationToken cancellationToken);

    /// <summary>Raises <c>closed</c> on the obligation's orchestration (nothing when it has none or it has ended).</summary>
    Task RaiseClosedAsync(string obligationId, ObligationClosed closed, CancellationToken cancellationToken);

    /// <summary>The orchestration's state and history, or null when the obligation has none.</summary>
    Task<ObligationOrchestration?> DescribeAsync(string obligationId, bool withHistory, CancellationToken cancellationToken);
}
