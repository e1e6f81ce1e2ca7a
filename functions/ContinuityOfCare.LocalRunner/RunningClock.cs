using System.Diagnostics;
using NodaTime;

namespace ContinuityOfCare.LocalRunner;

/// <summary>
/// A clock that starts at a chosen instant and runs at real speed — for development and tests only (the main job's
/// <c>--now</c>, the runner's <c>LocalRunner:ClockStart</c>): sample data dated around 24 December 2026 routes as if it
/// had just arrived, and a test can restart the runner days later to let deadlines and escalation graces pass.
/// It is both the hub's <see cref="IClock"/> and, for the runner, its <see cref="TimeProvider"/>, so timer schedules
/// and the core's deadlines read the same time; only the wall-clock reading is shifted, so waits last real time.
/// </summary>
public sealed class RunningClock(Instant start) : TimeProvider, IClock
{
    private readonly Stopwatch _elapsed = Stopwatch.StartNew();

    /// <inheritdoc />
    public Instant GetCurrentInstant() => start + Duration.FromTimeSpan(_elapsed.Elapsed);

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => GetCurrentInstant().ToDateTimeOffset();
}
