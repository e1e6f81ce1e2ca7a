namespace ContinuityOfCare.Hub.Obligations;

/// <summary>One line of an obligation orchestration's history, on the engine's clock.</summary>
/// <param name="At">When it happened (the orchestration's clock).</param>
/// <param name="Kind"><c>TimerCreated</c>, <c>TimerFired</c>, <c>LevelRun</c>, <c>EventRaised</c> or <c>Ended</c>.</param>
/// <param name="Detail">The timer's fire instant and purpose, the level and its outcome, the event name, or how it ended.</param>
public sealed record OrchestrationHistoryLine(DateTime At, string Kind, string Detail);
