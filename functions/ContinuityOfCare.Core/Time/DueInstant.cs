using NodaTime;

namespace ContinuityOfCare.Core.Time;

/// <summary>The result of a deadline computation.</summary>
/// <param name="Due">The due instant.</param>
/// <param name="Explanation">One line saying why, in Europe/London terms (safe to show and log: no personal data).</param>
/// <param name="LateFromStart">
/// True when the deadline had already passed at the start (000 §PP7: release planning for a release less than N weeks
/// away); the due instant is then the start itself ("as soon as possible").
/// </param>
public readonly record struct DueInstant(Instant Due, string Explanation, bool LateFromStart)
{
    /// <summary>The due instant in Europe/London.</summary>
    public ZonedDateTime DueInLondon => Due.InZone(WorkingCalendar.London);
}
