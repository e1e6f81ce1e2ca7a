using Azure;
using Azure.Storage.Queues;
using ContinuityOfCare.Hub.Api;

namespace ContinuityOfCare.Hub.Operations;

/// <summary>
/// Moves every message of <c>QUEUE-poison</c> back to <c>QUEUE</c> (architecture.md "Reliability rules": poison
/// messages are kept, listed and replayable) — the one implementation behind <c>coc replay-poison</c> and the console's
/// Operations page. Never loses a message: each is sent to QUEUE before it is deleted from the poison queue, byte for
/// byte (raw message text, so a message that is not valid base64 moves unchanged too). A failure between the two
/// leaves a copy in both, which the idempotent functions absorb.
/// </summary>
public static class PoisonReplay
{
    /// <summary>Messages received per request (the service maximum).</summary>
    private const int Batch = 32;

    /// <summary>How long received poison messages stay hidden while they are moved.</summary>
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    // Queue Storage reads a time-to-live of -1 seconds as "never expires" (the Functions host sends with it too).
    private static readonly TimeSpan NeverExpires = TimeSpan.FromSeconds(-1);

    /// <summary>Raw encoding on both sides: the text moves exactly as stored (base64 as the Functions host wrote it).</summary>
    public static QueueClientOptions RawOptions => new() { MessageEncoding = QueueMessageEncoding.None };

    /// <summary>How many messages wait in <paramref name="poison"/> (0 when it does not exist).</summary>
    public static async Task<long> CountAsync(QueueClient poison, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(poison);
        try
        {
            return (await poison.GetPropertiesAsync(cancellationToken).ConfigureAwait(false)).Value.ApproximateMessagesCount;
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            return 0;
        }
    }

    /// <summary>
    /// Moves every message of <paramref name="poison"/> to <paramref name="target"/>, at most <paramref name="limit"/>
    /// of them; <paramref name="moved"/> is called after each (so a caller interrupted by a storage failure knows how
    /// many moved). The limit matters while the hub runs: a replayed message that fails again comes back to the poison
    /// queue, and without it the replay would keep moving it.
    /// </summary>
    /// <exception cref="RequestFailedException">Storage failed; the messages not yet moved are still in the poison queue.</exception>
    public static async Task<int> MoveAllAsync(QueueClient poison, QueueClient target, Action<int>? moved, CancellationToken cancellationToken, long limit = long.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(poison);
        ArgumentNullException.ThrowIfNull(target);
        var count = 0;
        await target.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        while (count < limit)
        {
            var messages = (await poison.ReceiveMessagesAsync((int)Math.Min(Batch, limit - count), Lease, cancellationToken).ConfigureAwait(false)).Value;
            if (messages.Length == 0)
            {
                return count;
            }

            foreach (var message in messages)
            {
                // Send first, then delete: a crash in between duplicates a message, never loses one.
                await target.SendMessageAsync(message.Body, timeToLive: NeverExpires, cancellationToken: cancellationToken).ConfigureAwait(false);
                await poison.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken).ConfigureAwait(false);
                // Counted apart from the callback: a null-conditional call would not evaluate its argument.
                count++;
                moved?.Invoke(count);
            }
        }

        return count;
    }

    /// <summary>
    /// The poison queue of <paramref name="queue"/> and the queue itself on the app's account. These clients decode
    /// and re-encode base64 (the app's encoding), which gives back the same bytes for every message the hosts wrote.
    /// </summary>
    public static (QueueClient Poison, QueueClient Target) Clients(Storage.HubStorage storage, HubQueue queue)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(queue);
        return (storage.Queue(queue.PoisonName), storage.Queue(queue.Name));
    }
}
