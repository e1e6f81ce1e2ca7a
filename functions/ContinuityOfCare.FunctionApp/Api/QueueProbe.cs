using Azure;
using ContinuityOfCare.FunctionApp.Storage;
using ContinuityOfCare.Storage;
using ContinuityOfCare.Storage.Queues;

namespace ContinuityOfCare.FunctionApp.Api;

/// <summary>
/// Reads a queue's depth and the age of its front message, and the same for its poison queue (architecture.md
/// "Reliability rules": poison messages are kept, listed and replayable). Peeking changes nothing: no dequeue count
/// is spent and no message is hidden.
/// </summary>
public sealed class QueueProbe(HubStorage storage, TimeProvider time)
{
    /// <summary>The status of <paramref name="queue"/> and its poison queue.</summary>
    /// <exception cref="RequestFailedException">Storage failed (other than the queue not existing).</exception>
    public async Task<QueueStatus> ProbeAsync(HubQueue queue, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queue);
        var main = await ReadAsync(storage.Queue(queue.Name, queue.Connection), cancellationToken).ConfigureAwait(false);
        var poison = await ReadAsync(storage.Queue(queue.PoisonName, queue.Connection), cancellationToken).ConfigureAwait(false);
        return new QueueStatus(queue.Name, main.Exists, main.Depth, main.OldestAgeSeconds, poison.Depth, poison.OldestAgeSeconds);
    }

    private async Task<(bool Exists, long Depth, double? OldestAgeSeconds)> ReadAsync(QueueClient client, CancellationToken cancellationToken)
    {
        long depth;
        try
        {
            depth = (await client.GetPropertiesAsync(cancellationToken).ConfigureAwait(false)).Value.ApproximateMessagesCount;
        }
        catch (RequestFailedException exception) when (exception.IsNotFound())
        {
            return (false, 0, null);
        }

        if (depth == 0)
        {
            return (true, 0, null);
        }

        var front = (await client.PeekMessagesAsync(1, cancellationToken).ConfigureAwait(false)).Value;
        double? age = front.Count == 0 ? null : Math.Max(0, (time.GetUtcNow() - front[0].InsertedOn).TotalSeconds);
        return (true, depth, age);
    }
}
