namespace ContinuityOfCare.Core.Obligations;

/// <summary>The instant an opened obligation's deadline counts from.</summary>
public enum DeadlineStart
{
    /// <summary>When the event happened (movement time, result time).</summary>
    EventOccurred,

    /// <summary>When the hub learned of the event — the plan's "now" (000 Part 1: the 24h rule for the DIR).</summary>
    HubLearned,
}
