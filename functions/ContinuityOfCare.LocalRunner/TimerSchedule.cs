using NCrontab;
using NodaTime;
using NodaTime.TimeZones;

namespace ContinuityOfCare.LocalRunner;

/// <summary>
/// A six-field NCRONTAB schedule (NCrontab.Signed, the library the Functions host uses) evaluated in a time zone,
/// like Azure Functions with <c>WEBSITE_TIME_ZONE</c> = <c>Europe/London</c>: "0 0 7 * * *" fires at 07:00 local
/// time in winter (07:00 UTC) and in summer (06:00 UTC). docs/domain.md "Time, days and the 24-hour rule": times of day are London wall-clock times.
/// A local time skipped by the spring change fires at the shifted instant (02:30 → 03:30 BST); a repeated local time
/// in autumn fires once, at the earlier instant.
/// </summary>
public sealed class TimerSchedule
{
    private readonly CrontabSchedule _schedule;
    private readonly DateTimeZone _zone;

    /// <summary>Parses a six-field expression (<c>second minute hour day month day-of-week</c>).</summary>
    /// <exception cref="CrontabException">The expression is not a valid six-field NCRONTAB expression.</exception>
    public TimerSchedule(string expression, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(expression);
        _zone = zone ?? throw new ArgumentNullException(nameof(zone));
        _schedule = CrontabSchedule.Parse(expression, new CrontabSchedule.ParseOptions { IncludingSeconds = true });
    }

    /// <summary>The Europe/London zone from NodaTime's embedded TZDB (no dependency on the machine's zone data).</summary>
    public static DateTimeZone London { get; } = DateTimeZoneProviders.Tzdb["Europe/London"];

    /// <summary>The first occurrence strictly after <paramref name="after"/>.</summary>
    public DateTimeOffset NextOccurrence(DateTimeOffset after)
    {
        var afterInstant = Instant.FromDateTimeOffset(after);
        var local = afterInstant.InZone(_zone).LocalDateTime;
        // Search from a little before the local time so an occurrence in an autumn repeated hour is not skipped,
        // then take the first whose instant is after the given one.
        var cursor = local.PlusHours(-2).ToDateTimeUnspecified();
        for (var attempts = 0; attempts < 10_000; attempts++)
        {
            var next = _schedule.GetNextOccurrence(cursor);
            var instant = _zone.ResolveLocal(LocalDateTime.FromDateTime(next), Resolvers.LenientResolver).ToInstant();
            if (instant > afterInstant)
            {
                return instant.ToDateTimeOffset();
            }

            cursor = next;
        }

        throw new InvalidOperationException("the schedule has no occurrence after the given time");
    }
}
