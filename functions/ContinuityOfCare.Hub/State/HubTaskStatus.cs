namespace ContinuityOfCare.Hub.State;

/// <summary>Whether a task still needs someone.</summary>
public enum HubTaskStatus
{
    /// <summary>Waiting for a person.</summary>
    Open,

    /// <summary>Done.</summary>
    Resolved,
}
