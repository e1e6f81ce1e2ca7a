using ContinuityOfCare.Hub.Obligations;
using DurableTask.Core.History;

namespace ContinuityOfCare.FunctionApp.Obligations;

/// <summary>
/// An orchestration's history as operators read it: event types with names and timer instants only. Inputs, results
/// and event payloads are left out (who fulfilled an obligation, the start's client id) — no personal data on a console.
/// </summary>
public static class OrchestrationHistory
{
    /// <summary>One line per history event worth reading (orchestrator replays' bookkeeping left out).</summary>
    public static IReadOnlyList<OrchestrationHistoryLine> Lines(IEnumerable<HistoryEvent> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var lines = new List<OrchestrationHistoryLine>();
        foreach (var e in history)
        {
            string? detail = e switch
            {
                ExecutionStartedEvent started => started.Name,
                TimerCreatedEvent created => Utc(created.FireAt),
                TimerFiredEvent fired => Utc(fired.FireAt),
                EventRaisedEvent raised => raised.Name,
                TaskScheduledEvent scheduled => scheduled.Name,
                TaskCompletedEvent => null,
                TaskFailedEvent => null,
                ExecutionCompletedEvent completed => completed.OrchestrationStatus.ToString(),
                ExecutionTerminatedEvent => null,
                _ => "-",
            };
            if (detail == "-")
            {
                continue;
            }

            lines.Add(new OrchestrationHistoryLine(new DateTimeOffset(DateTime.SpecifyKind(e.Timestamp, DateTimeKind.Utc)), e.EventType.ToString(), detail));
        }

        return lines;
    }

    private static string Utc(DateTime instant) => DateTime.SpecifyKind(instant, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
