using ContinuityOfCare.FunctionApp.Invocation;
using ContinuityOfCare.FunctionApp.Pipeline;
using ContinuityOfCare.FunctionApp.Pipeline.Messages;

namespace ContinuityOfCare.FunctionApp.Functions.Ingest;

/// <summary><c>Ingest</c> (queue <c>ingest</c>): ingests one inbox file (<see cref="FileIngestor"/>) and, for a feed file, sends its route message.</summary>
public sealed class IngestFunction(FileIngestor ingestor) : IHubFunction
{
    /// <summary>The function name.</summary>
    public const string Name = "Ingest";

    /// <summary>The queue output binding.</summary>
    public const string RouteOutput = "route";

    /// <inheritdoc />
    public async Task InvokeAsync(FunctionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var message = PipelineJson.Deserialize<IngestMessage>(QueueText.Of(context));
        var outcome = await ingestor.IngestAsync(message, cancellationToken).ConfigureAwait(false);
        if (outcome.Route is { } route)
        {
            context.AddQueueMessage(RouteOutput, PipelineJson.Serialize(route));
        }
    }
}
