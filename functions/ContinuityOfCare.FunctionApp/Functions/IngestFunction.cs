using ContinuityOfCare.Hub.Pipeline;
using ContinuityOfCare.Hub.Pipeline.Messages;
using Microsoft.Azure.Functions.Worker;

namespace ContinuityOfCare.FunctionApp.Functions;

/// <summary>Ingests one inbox file (parse, store, keep the good records) and, for a feed file, asks for it to be routed.</summary>
public sealed class IngestFunction(FileIngestor ingestor)
{
    /// <summary>Queue <c>ingest</c> → queue <c>route</c> (no message for reference data or a file seen before).</summary>
    [Function("Ingest")]
    [QueueOutput(PipelineQueues.Route)]
    public async Task<string[]> RunAsync([QueueTrigger(PipelineQueues.Ingest)] string message, CancellationToken cancellationToken)
    {
        var outcome = await ingestor.IngestAsync(PipelineJson.Deserialize<IngestMessage>(message), cancellationToken).ConfigureAwait(false);
        return outcome.Route is { } route ? [PipelineJson.Serialize(route)] : [];
    }
}
