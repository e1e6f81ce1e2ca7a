using System.Diagnostics;
using NodaTime;

namespace ContinuityOfCare.Reliability.Support;

/// <summary>
/// The hub's time across runner restarts: each start continues where the killed process's clock was (so no instant
/// is seen twice and claims, leases and in-flight timeouts stay ordered), or jumps forward to let deadlines pass.
/// </summary>
internal sealed class ContinuousClock(Instant start)
{
    private Instant _base = start;
    private readonly Stopwatch _since = Stopwatch.StartNew();

    public Instant Now => _base + Duration.FromTimeSpan(_since.Elapsed);

    /// <summary>The start instant for the next runner: now, or <paramref name="jumpTo"/> when later.</summary>
    public Instant NextStart(Instant? jumpTo = null)
    {
        var now = Now;
        _base = jumpTo is { } target && target > now ? target : now;
        _since.Restart();
        return _base;
    }
}
