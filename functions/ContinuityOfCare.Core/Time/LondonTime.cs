using NodaTime;
using NodaTime.Text;
using NodaTime.TimeZones;

namespace ContinuityOfCare.Core.Time;

/// <summary>
/// Europe/London conversions and the formats explanations use. NodaTime style: make ambiguity explicit — a local
/// time skipped by the March change is shifted forward by the gap (01:30 → 02:30 BST); a local time repeated by the
/// October change resolves to the earlier instant (01:30 BST, +01:00). Deadlines themselves never hit either case
/// (they are 09:00 or 23:59:59 local), but local start times typed by people can.
/// </summary>
public static class LondonTime
{
    private static readonly LocalDatePattern DayPattern = LocalDatePattern.CreateWithInvariantCulture("ddd d MMM yyyy");
    private static readonly LocalDateTimePattern MinutePattern = LocalDateTimePattern.CreateWithInvariantCulture("ddd d MMM yyyy HH:mm");
    private static readonly LocalDateTimePattern SecondPattern = LocalDateTimePattern.CreateWithInvariantCulture("ddd d MMM yyyy HH:mm:ss");

    /// <summary>The resolver for local times: skipped → shifted forward by the gap; ambiguous → earlier instant.</summary>
    public static ZoneLocalMappingResolver Resolver { get; } = Resolvers.LenientResolver;

    /// <summary>The instant of a Europe/London local date-time, resolved by <see cref="Resolver"/>.</summary>
    public static Instant ToInstant(LocalDateTime local) => WorkingCalendar.London.ResolveLocal(local, Resolver).ToInstant();

    /// <summary>The Europe/London local date-time of an instant.</summary>
    public static LocalDateTime ToLocal(Instant instant) => instant.InZone(WorkingCalendar.London).LocalDateTime;

    /// <summary>The instant at the end of <paramref name="date"/> (23:59:59 local).</summary>
    public static Instant EndOf(LocalDate date) => ToInstant(date + DeadlineRule.EndOfDay);

    /// <summary>"Fri 25 Dec 2026".</summary>
    public static string FormatDay(LocalDate date) => DayPattern.Format(date);

    /// <summary>"Fri 25 Dec 2026 09:00", or with seconds when they are not zero ("… 23:59:59").</summary>
    public static string Format(LocalDateTime local) =>
        local.Second == 0 && local.NanosecondOfSecond == 0 ? MinutePattern.Format(local) : SecondPattern.Format(local);

    /// <summary>An instant as Europe/London wall-clock text, e.g. "Fri 25 Dec 2026 09:00".</summary>
    public static string Format(Instant instant) => Format(ToLocal(instant));
}
