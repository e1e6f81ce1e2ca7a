using NodaTime;

namespace ContinuityOfCare.Core.Tests.Time;

/// <summary>A settable, advanceable <see cref="IClock"/> for tests (NodaTime.Testing is not obtainable).</summary>
internal sealed class FakeClock(Instant now) : IClock
{
    public Instant Now { get; set; } = now;

    public Instant GetCurrentInstant() => Now;

    public void Advance(Duration duration) => Now += duration;
}
