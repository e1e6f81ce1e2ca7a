namespace ContinuityOfCare.Hub.Api;

/// <summary>One queue as the health check and <c>coc status</c> report it.</summary>
/// <param name="Name">The queue.</param>
/// <param name="Exists">False when the queue has not been created yet (nothing was ever sent to it).</param>
/// <param name="Depth">Approximate message count, including messages scheduled for later (visibility delay).</param>
/// <param name="OldestMessageAgeSeconds">Age of the message at the front of the queue (visible messages only), or null when none is visible.</param>
/// <param name="PoisonDepth">Messages in <c>{Name}-poison</c>.</param>
/// <param name="OldestPoisonAgeSeconds">Age of the front poison message, or null.</param>
public sealed record QueueStatus(
    string Name,
    bool Exists,
    long Depth,
    double? OldestMessageAgeSeconds,
    long PoisonDepth,
    double? OldestPoisonAgeSeconds);
