using ContinuityOfCare.Hub.Pipeline;
using ContinuityOfCare.Hub.Storage;
using ContinuityOfCare.Mail.Outbox;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace ContinuityOfCare.FunctionApp.Functions;

/// <summary>Sends one Alert Form from the outbox, exactly once (a redelivered message for a sent alert sends nothing).</summary>
public sealed class SendFunction(AlertOutbox outbox, HubStorage storage, IOptions<OutboxOptions> options)
{
    /// <summary>
    /// Queue <c>send</c> (the alert id). A transient failure throws, so the message is retried and, after the host's
    /// <c>maxDequeueCount</c>, kept in <c>send-poison</c>. An alert claimed by another attempt is looked at again once
    /// that claim can have gone stale (<c>Mail:Outbox:InFlightTimeout</c>): the claim may belong to an attempt that died
    /// (a crash, a storage outage mid-send) and will never finish, and the next <c>OutboxSweep</c> may be 15 minutes away.
    /// </summary>
    [Function("Send")]
    public async Task RunAsync([QueueTrigger(PipelineQueues.Send)] string alertId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alertId);
        var id = alertId.Trim();
        var result = await outbox.SendAsync(id, cancellationToken).ConfigureAwait(false);
        if (result is DispatchResult.LeftPending or DispatchResult.CircuitOpen)
        {
            throw new TransientSendException($"the alert was not delivered ({result}); retried later");
        }

        if (result is DispatchResult.InFlightElsewhere)
        {
            // Harmless if the other attempt finishes: the later look finds the alert Sent and sends nothing.
            await storage.Queue(PipelineQueues.Send)
                .SendMessageAsync(id, visibilityTimeout: options.Value.InFlightTimeout + TimeSpan.FromSeconds(15), cancellationToken: cancellationToken)
                .ConfigureAwait(false);
        }
    }
}
