using NodaTime;

namespace ContinuityOfCare.Mail.Tests;

/// <summary>A settable, advanceable clock (NodaTime.Testing is not obtainable).</summary>
internal sealed class FakeClock(Instant now) : IClock
{
    public Instant Now { get; set; } = now;

    public Instant GetCurrentInstant() => Now;

    public void Advance(Duration duration) => Now += duration;
}
