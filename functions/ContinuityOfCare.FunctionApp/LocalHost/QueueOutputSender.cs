using ContinuityOfCare.FunctionApp.Invocation;
using ContinuityOfCare.FunctionApp.Storage;

namespace ContinuityOfCare.FunctionApp.LocalHost;

/// <summary>Sends an invocation's queue outputs, as the Functions host does after a successful invocation.</summary>
public static class QueueOutputSender
{
    /// <summary>Sends every queued message to its binding's queue (creating the queue if needed).</summary>
    public static async Task SendAsync(HubStorage storage, FunctionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(context);
        foreach (var binding in context.Definition.QueueOutputs)
        {
            if (!context.QueueMessages.TryGetValue(binding.Name, out var messages) || messages.Count == 0)
            {
                continue;
            }

            var queue = storage.Queue(binding.QueueName!);
            await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            foreach (var message in messages)
            {
                await queue.SendMessageAsync(message, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
