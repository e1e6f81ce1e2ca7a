namespace ContinuityOfCare.Hub.Obligations;

/// <summary>One line of an orchestration's history: when, what (event type), and a name or instant (event name, activity, timer's fire instant).</summary>
/// <param name="At">When the engine recorded it.</param>
/// <param name="Kind">The history event type, e.g. <c>TimerCreated</c>, <c>EventRaised</c>, <c>TaskScheduled</c>.</param>
/// <param name="Detail">The event or activity name, or a timer's fire instant (ISO-8601 UTC).</param>
public sealed record OrchestrationHistoryLine(DateTimeOffset At, string Kind, string? Detail);
