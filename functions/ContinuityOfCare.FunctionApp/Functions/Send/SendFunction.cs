using ContinuityOfCare.FunctionApp.Invocation;
using ContinuityOfCare.FunctionApp.Pipeline;
using ContinuityOfCare.Mail.Outbox;

namespace ContinuityOfCare.FunctionApp.Functions.Send;

/// <summary>
/// <c>Send</c> (queue <c>send</c>, message = alert id): the outbox sender (docs/email.md "Outbox, exactly once"). A
/// transient failure or an open circuit leaves the alert Pending and fails the invocation, so the host retries the
/// message after its visibility timeout (and, after <c>maxDequeueCount</c>, keeps it in <c>send-poison</c> for replay).
/// </summary>
public sealed class SendFunction(AlertOutbox outbox) : IHubFunction
{
    /// <summary>The function name.</summary>
    public const string Name = "Send";

    /// <inheritdoc />
    public async Task InvokeAsync(FunctionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var alertId = QueueText.Of(context).Trim();
        var result = await outbox.SendAsync(alertId, cancellationToken).ConfigureAwait(false);
        if (result is DispatchResult.LeftPending or DispatchResult.CircuitOpen)
        {
            throw new TransientSendException($"alert {alertId} was not delivered ({result}); retried later");
        }
    }
}
