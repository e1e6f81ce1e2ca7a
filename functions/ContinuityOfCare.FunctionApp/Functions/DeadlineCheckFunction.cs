using ContinuityOfCare.Hub.Pipeline;
using ContinuityOfCare.Hub.Pipeline.Messages;
using Microsoft.Azure.Functions.Worker;

namespace ContinuityOfCare.FunctionApp.Functions;

/// <summary>Checks one obligation when its deadline (or the next escalation level) is due, and escalates if it is still open.</summary>
public sealed class DeadlineCheckFunction(Escalator escalator)
{
    /// <summary>Queue <c>deadline</c> (delayed messages: visible at the due instant).</summary>
    [Function("DeadlineCheck")]
    public async Task RunAsync([QueueTrigger(PipelineQueues.Deadline)] string message, CancellationToken cancellationToken) =>
        await escalator.CheckAsync(PipelineJson.Deserialize<DeadlineMessage>(message).ObligationId, cancellationToken).ConfigureAwait(false);
}
