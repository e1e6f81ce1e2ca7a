using NodaTime;

namespace ContinuityOfCare.FunctionApp.Tests.EndToEnd;

/// <summary>A controllable NodaTime clock for the hub under test (NodaTime.Testing is not obtainable).</summary>
public sealed class E2eClock(Instant start) : IClock
{
    private long _ticks = start.ToUnixTimeTicks();

    /// <inheritdoc />
    public Instant GetCurrentInstant() => Instant.FromUnixTimeTicks(Interlocked.Read(ref _ticks));

    /// <summary>Moves the clock to <paramref name="instant"/>.</summary>
    public void Set(Instant instant) => Interlocked.Exchange(ref _ticks, instant.ToUnixTimeTicks());
}
