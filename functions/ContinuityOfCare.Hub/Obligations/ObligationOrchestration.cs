namespace ContinuityOfCare.Hub.Obligations;

/// <summary>An obligation's orchestration as operators see it (<c>coc obligations show</c>): no inputs, no personal data.</summary>
/// <param name="ObligationId">The instance id (= obligation id).</param>
/// <param name="RuntimeStatus">The engine's status: Running, Completed, Failed, Terminated, Pending…</param>
/// <param name="Step">The orchestrator's own progress note (its custom status): what it is waiting for, the level reached.</param>
/// <param name="CreatedAt">When the orchestration was started.</param>
/// <param name="LastUpdatedAt">When it last changed.</param>
/// <param name="History">Its history (<see cref="ObligationProgress"/>): timers with their fire instants, levels run, events received.</param>
public sealed record ObligationOrchestration(
    string ObligationId,
    string RuntimeStatus,
    string? Step,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastUpdatedAt,
    IReadOnlyList<OrchestrationHistoryLine> History)
{
    /// <summary>Whether the engine is still running it (waiting for an event or a timer counts).</summary>
    public bool IsRunning => RuntimeStatus is "Running" or "Pending" or "Suspended";
}
