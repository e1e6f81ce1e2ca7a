using System.Diagnostics;
using NodaTime;

namespace ContinuityOfCare.Cli.Demo;

/// <summary>
/// The main job's clock: starts at <c>--now</c> and runs at real speed, so the bundled samples (dated around
/// 24 December 2026) route as if they had just arrived, and deadlines are computed from that moment.
/// </summary>
internal sealed class RunningClock(Instant start) : IClock
{
    private readonly Stopwatch _elapsed = Stopwatch.StartNew();

    /// <inheritdoc />
    public Instant GetCurrentInstant() => start + Duration.FromTimeSpan(_elapsed.Elapsed);
}
