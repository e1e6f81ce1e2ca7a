namespace ContinuityOfCare.Storage.Queues;

/// <summary>What the service returns for a sent message.</summary>
/// <param name="MessageId">The message id.</param>
/// <param name="PopReceipt">A pop receipt (lets the sender delete or update the message before anyone receives it).</param>
/// <param name="InsertedOn">When the message was enqueued.</param>
/// <param name="ExpiresOn">When it expires (<see cref="DateTimeOffset.MaxValue"/>-like far future for a message that never expires).</param>
/// <param name="NextVisibleOn">When it becomes visible to receivers.</param>
public sealed record SendReceipt(string MessageId, string PopReceipt, DateTimeOffset InsertedOn, DateTimeOffset ExpiresOn, DateTimeOffset NextVisibleOn);
