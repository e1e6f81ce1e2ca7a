using ContinuityOfCare.FunctionApp.Invocation;
using ContinuityOfCare.FunctionApp.Pipeline;
using ContinuityOfCare.FunctionApp.Pipeline.Messages;

namespace ContinuityOfCare.FunctionApp.Functions.Route;

/// <summary><c>Route</c> (queue <c>route</c>): plans and persists one ingested feed file (<see cref="FileRouter"/>), then sends one send message per alert.</summary>
public sealed class RouteFunction(FileRouter router) : IHubFunction
{
    /// <summary>The function name.</summary>
    public const string Name = "Route";

    /// <summary>The queue output binding.</summary>
    public const string SendOutput = "send";

    /// <inheritdoc />
    public async Task InvokeAsync(FunctionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var message = PipelineJson.Deserialize<RouteMessage>(QueueText.Of(context));
        var outcome = await router.RouteAsync(message, cancellationToken).ConfigureAwait(false);
        foreach (var alertId in outcome.AlertIdsToSend)
        {
            context.AddQueueMessage(SendOutput, alertId);
        }
    }
}
