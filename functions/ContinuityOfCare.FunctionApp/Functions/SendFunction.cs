using ContinuityOfCare.Hub.Pipeline;
using ContinuityOfCare.Mail.Outbox;
using Microsoft.Azure.Functions.Worker;

namespace ContinuityOfCare.FunctionApp.Functions;

/// <summary>Sends one Alert Form from the outbox, exactly once (a redelivered message for a sent alert sends nothing).</summary>
public sealed class SendFunction(AlertOutbox outbox)
{
    /// <summary>Queue <c>send</c> (the alert id). A transient failure throws, so the message is retried and, after the host's <c>maxDequeueCount</c>, kept in <c>send-poison</c>.</summary>
    [Function("Send")]
    public async Task RunAsync([QueueTrigger(PipelineQueues.Send)] string alertId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alertId);
        var result = await outbox.SendAsync(alertId.Trim(), cancellationToken).ConfigureAwait(false);
        if (result is DispatchResult.LeftPending or DispatchResult.CircuitOpen)
        {
            throw new TransientSendException($"the alert was not delivered ({result}); retried later");
        }
    }
}
