using Azure;
using ContinuityOfCare.Hub.Storage;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;

namespace ContinuityOfCare.Hub.Api;

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
        var main = await ReadAsync(storage.Queue(queue.Name), cancellationToken).ConfigureAwait(false);
        var poison = await ReadAsync(storage.Queue(queue.PoisonName), cancellationToken).ConfigureAwait(false);
        return new QueueStatus(queue.Name, main.Exists, main.Depth, main.OldestAgeSeconds, poison.Depth, poison.OldestAgeSeconds);
    }

    private async Task<(bool Exists, long Depth, double? OldestAgeSeconds)> ReadAsync(QueueClient client, CancellationToken cancellationToken)
    {
        long depth;
        try
        {
            depth = (await client.GetPropertiesAsync(cancellationToken).ConfigureAwait(false)).Value.ApproximateMessagesCount;
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            return (false, 0, null);
        }

        if (depth == 0)
        {
            return (true, 0, null);
        }

        var front = (await client.PeekMessagesAsync(1, cancellationToken).ConfigureAwait(false)).Value;
        double? age = front.Length == 0 ? null : Math.Max(0, (time.GetUtcNow() - front[0].InsertedOn!.Value).TotalSeconds);
        return (true, depth, age);
    }
}
