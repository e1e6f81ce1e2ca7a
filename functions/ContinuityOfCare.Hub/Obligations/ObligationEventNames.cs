namespace ContinuityOfCare.Hub.Obligations;

/// <summary>The external events an obligation's orchestration waits for (the Durable human-interaction pattern).</summary>
public static class ObligationEventNames
{
    /// <summary>A person (or an event) fulfilled the obligation: the ladder stops.</summary>
    public const string Fulfilled = "fulfilled";

    /// <summary>A later event made the obligation moot: it ends without escalation.</summary>
    public const string Closed = "closed";
}
