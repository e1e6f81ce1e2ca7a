namespace ContinuityOfCare.Storage.Queues;

/// <summary>What the service returns when a message's visibility (and text) is updated.</summary>
/// <param name="PopReceipt">The new pop receipt; the old one is no longer valid.</param>
/// <param name="NextVisibleOn">When the message becomes visible again.</param>
public sealed record UpdateReceipt(string PopReceipt, DateTimeOffset NextVisibleOn);
