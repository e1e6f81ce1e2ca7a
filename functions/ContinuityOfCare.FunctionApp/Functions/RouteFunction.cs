using ContinuityOfCare.Hub.Pipeline;
using ContinuityOfCare.Hub.Pipeline.Messages;
using ContinuityOfCare.FunctionApp.Obligations;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace ContinuityOfCare.FunctionApp.Functions;

/// <summary>Plans an ingested feed file against the register and directory, stores the plan's effects, and queues its Alert Forms.</summary>
public sealed class RouteFunction(FileRouter router)
{
    /// <summary>Queue <c>route</c> → one <c>send</c> message per alert id to send.</summary>
    [Function("Route")]
    [QueueOutput(PipelineQueues.Send)]
    public async Task<string[]> RunAsync(
        [QueueTrigger(PipelineQueues.Route)] string message, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken)
    {
        // The plan's obligations are started as orchestrations, and its closures raised on theirs.
        using var durable = DurableClientSource.Use(client);
        var outcome = await router.RouteAsync(PipelineJson.Deserialize<RouteMessage>(message), cancellationToken).ConfigureAwait(false);
        return [.. outcome.AlertIdsToSend];
    }
}
