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

    private static readonly OffsetDateTimePattern[] OffsetInputPatterns =
    [
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss;FFFFFFFFFo<G>"),
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mmo<G>"),
    ];

    private static readonly LocalDateTimePattern[] LocalInputPatterns =
    [
        LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss;FFFFFFFFF"),
        LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm"),
    ];

    private static readonly OffsetDateTimePattern OutputPattern =
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss;FFFFFFFFFo<+HH:mm>");

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

    /// <summary>
    /// A deadline as a person reads it: "end of Mon 4 Jan 2027" for a day-based rule (due at <see cref="DeadlineRule.EndOfDay"/>,
    /// whose 23:59:59 means nothing to a reader), else the wall-clock time, "Fri 25 Dec 2026 09:00". The one wording of a
    /// due time on forms, escalations, acknowledgement pages and the console.
    /// </summary>
    public static string FormatDue(Instant due)
    {
        var local = ToLocal(due);
        return local.TimeOfDay == DeadlineRule.EndOfDay ? "end of " + FormatDay(local.Date) : Format(local);
    }

    /// <summary>ISO-8601 with the Europe/London offset: "2026-12-29T09:00:00+00:00" (fractions only when present).</summary>
    public static string FormatIso(Instant instant) => OutputPattern.Format(instant.InZone(WorkingCalendar.London).ToOffsetDateTime());

    /// <summary>ISO-8601 in UTC: "2026-12-29T09:00:00Z".</summary>
    public static string FormatIsoUtc(Instant instant) => InstantPattern.ExtendedIso.Format(instant);

    /// <summary>
    /// Reads a start time typed by a person: an ISO-8601 instant with an offset or Z ("2026-12-24T16:00:00Z",
    /// "2026-06-01T09:00+01:00"), or a local date-time without one ("2026-12-24T16:00", seconds optional), read as
    /// Europe/London with <see cref="Resolver"/>. <paramref name="resolutionNote"/> says when a local time was skipped or
    /// repeated by a DST change and how it was resolved; null otherwise.
    /// </summary>
    public static bool TryParse(string? text, out Instant instant, out string? resolutionNote)
    {
        instant = default;
        resolutionNote = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var trimmed = text.Trim();
        foreach (var pattern in OffsetInputPatterns)
        {
            var result = pattern.Parse(trimmed);
            if (result.Success)
            {
                instant = result.Value.ToInstant();
                return true;
            }
        }

        foreach (var pattern in LocalInputPatterns)
        {
            var result = pattern.Parse(trimmed);
            if (!result.Success)
            {
                continue;
            }

            var local = result.Value;
            var mapping = WorkingCalendar.London.MapLocal(local);
            instant = ToInstant(local);
            resolutionNote = mapping.Count switch
            {
                0 => $"{Format(local)} does not exist in Europe/London (the clocks went forward); read as {Format(instant)} ({FormatIso(instant)})",
                2 => $"{Format(local)} happens twice in Europe/London (the clocks went back); read as the earlier, {FormatIso(instant)}",
                _ => null,
            };
            return true;
        }

        return false;
    }
}
