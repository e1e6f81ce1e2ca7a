namespace ContinuityOfCare.Storage.Queues;

/// <summary>A queue's properties.</summary>
/// <param name="ApproximateMessagesCount">The approximate number of messages (visible and invisible, not yet expired or deleted).</param>
/// <param name="Metadata">The queue's metadata (<c>x-ms-meta-*</c>).</param>
public sealed record QueueProperties(long ApproximateMessagesCount, IReadOnlyDictionary<string, string> Metadata);
