using System.Globalization;
using System.Text;
using NodaTime;

namespace ContinuityOfCare.Core.Time;

/// <summary>
/// Evaluates a <see cref="DeadlineRule"/> from a start instant against a <see cref="WorkingCalendar"/>: docs/domain.md
/// "Time, days and the 24-hour rule". Pure and thread-safe; the caller supplies the start (no clock reads).
/// </summary>
public static class DeadlineCalculator
{
    /// <summary>Computes the due instant of <paramref name="rule"/> started at <paramref name="start"/>.</summary>
    /// <param name="rule">The deadline rule.</param>
    /// <param name="start">When the obligation started (e.g. when the hub learned of the event).</param>
    /// <param name="calendar">The working-day calendar.</param>
    /// <param name="referenceDate">The date a <see cref="DeadlineRule.WeeksBefore"/> rule counts back from (e.g. the release date); ignored by other rules.</param>
    /// <exception cref="ArgumentException">A <see cref="DeadlineRule.WeeksBefore"/> rule without a reference date.</exception>
    /// <exception cref="CalendarCoverageException">The computation needs a year the calendar does not cover (the exception names it).</exception>
    public static DueInstant Due(DeadlineRule rule, Instant start, WorkingCalendar calendar, LocalDate? referenceDate = null)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(calendar);
        var result = rule switch
        {
            DeadlineRule.HoursAfter hours => HoursAfter(hours, start),
            DeadlineRule.TwentyFourHourRule twentyFour => TwentyFourHour(twentyFour, start, calendar),
            DeadlineRule.CalendarDaysAfter days => CalendarDaysAfter(days, start),
            DeadlineRule.EndOfDayNumber day => EndOfDayNumber(day, start),
            DeadlineRule.WorkingDaysAfter working => WorkingDaysAfter(working, start, calendar),
            DeadlineRule.EndOfStartDay => EndOfStartDay(start),
            DeadlineRule.WeeksBefore weeks => WeeksBefore(weeks, start, referenceDate
                ?? throw new ArgumentException($"The rule \"{rule.Describe()}\" needs a reference date (e.g. the release date).", nameof(referenceDate))),
            _ => throw new ArgumentException($"Unknown deadline rule kind {rule.GetType().Name}.", nameof(rule)),
        };

        // docs/domain.md: a deadline beyond the years the holiday list covers is an error, never a silent guess — even
        // for elapsed-hour rules, so every obligation's due instant lies where the calendar can be trusted.
        calendar.EnsureCovered(LondonTime.ToLocal(result.Due).Date);
        return result;
    }

    /// <summary>docs/domain.md "N hours after t": t + N hours, elapsed.</summary>
    private static DueInstant HoursAfter(DeadlineRule.HoursAfter rule, Instant start) =>
        new(start + Duration.FromHours(rule.Hours), $"{rule.Hours} hours elapsed after the start", false);

    /// <summary>
    /// 000 Part 1, §PP2; docs/domain.md "The 24h rule": if <c>(t, t+24h]</c> touches no non-working day, due t+24h;
    /// otherwise D = the first working day after the last non-working day touched, due = max(t+24h, 09:00 on D).
    /// The window is open at t (a start at 23:59:59.999999999 touches only the next day) and closed at t+24h (an
    /// end at exactly 00:00 touches that day).
    /// </summary>
    private static DueInstant TwentyFourHour(DeadlineRule.TwentyFourHourRule rule, Instant start, WorkingCalendar calendar)
    {
        var plain = start + Duration.FromHours(rule.Hours);
        var firstTouched = LondonTime.ToLocal(start + Duration.Epsilon).Date;
        var lastTouched = LondonTime.ToLocal(plain).Date;

        LocalDate? lastNonWorking = null;
        var touched = new StringBuilder();
        for (var day = firstTouched; day <= lastTouched; day = day.PlusDays(1))
        {
            if (!calendar.IsWorkingDay(day))
            {
                lastNonWorking = day;
                if (touched.Length > 0)
                {
                    touched.Append(", ");
                }

                touched.Append(LondonTime.FormatDay(day)).Append(" (").Append(calendar.NonWorkingReason(day)).Append(')');
            }
        }

        if (lastNonWorking is not { } last)
        {
            return new(plain, $"{rule.Hours}h window touched no non-working day; due {rule.Hours} hours after the start", false);
        }

        var nextWorkingDay = calendar.NextWorkingDayAfter(last);
        var nextWorkingDayStart = LondonTime.ToInstant(nextWorkingDay + rule.NextWorkingDayTime);
        var prefix = string.Create(CultureInfo.InvariantCulture,
            $"{rule.Hours}h window touched {touched}; next working day {LondonTime.Format(nextWorkingDay + rule.NextWorkingDayTime)}");
        return nextWorkingDayStart >= plain
            ? new(nextWorkingDayStart, prefix, false)
            : new(plain, $"{prefix} is earlier than {rule.Hours} hours after the start, so due {rule.Hours} hours after the start", false);
    }

    /// <summary>docs/domain.md "N days after t": end of the local day N calendar days after t's local date.</summary>
    private static DueInstant CalendarDaysAfter(DeadlineRule.CalendarDaysAfter rule, Instant start)
    {
        var startDay = LondonTime.ToLocal(start).Date;
        var dueDay = startDay.PlusDays(rule.Days);
        return new(LondonTime.EndOf(dueDay), $"end of the local day {rule.Days} days after {LondonTime.FormatDay(startDay)}", false);
    }

    /// <summary>docs/domain.md "End of day k (entry day = day 1)" = "k−1 days after".</summary>
    private static DueInstant EndOfDayNumber(DeadlineRule.EndOfDayNumber rule, Instant start)
    {
        var startDay = LondonTime.ToLocal(start).Date;
        var dueDay = startDay.PlusDays(rule.Day - 1);
        return new(LondonTime.EndOf(dueDay),
            $"end of day {rule.Day} counting {LondonTime.FormatDay(startDay)} as day 1: {LondonTime.FormatDay(dueDay)}", false);
    }

    /// <summary>docs/domain.md "N working days after t": end of the Nth working day after t's local date (t's day never counts).</summary>
    private static DueInstant WorkingDaysAfter(DeadlineRule.WorkingDaysAfter rule, Instant start, WorkingCalendar calendar)
    {
        var startDay = LondonTime.ToLocal(start).Date;
        var dueDay = calendar.WorkingDaysAfter(startDay, rule.Days);
        var holidays = new StringBuilder();
        for (var day = startDay.PlusDays(1); day < dueDay; day = day.PlusDays(1))
        {
            if (calendar.HolidayOn(day) is { } holiday)
            {
                holidays.Append(holidays.Length == 0 ? "; skipped " : ", ")
                    .Append(LondonTime.FormatDay(day)).Append(" (").Append(holiday.Describe()).Append(')');
            }
        }

        return new(LondonTime.EndOf(dueDay),
            $"end of working day {rule.Days} after {LondonTime.FormatDay(startDay)} (the start's own day never counts): {LondonTime.FormatDay(dueDay)}{holidays}",
            false);
    }

    /// <summary>docs/domain.md "End of the day of t".</summary>
    private static DueInstant EndOfStartDay(Instant start)
    {
        var startDay = LondonTime.ToLocal(start).Date;
        return new(LondonTime.EndOf(startDay), $"end of the start's local day, {LondonTime.FormatDay(startDay)}", false);
    }

    /// <summary>docs/domain.md "N weeks before date d"; 000 §PP7: already past at the start → due at the start, late from the start.</summary>
    private static DueInstant WeeksBefore(DeadlineRule.WeeksBefore rule, Instant start, LocalDate referenceDate)
    {
        var dueDay = referenceDate.PlusDays(-7 * rule.Weeks);
        var due = LondonTime.EndOf(dueDay);
        var what = $"end of the local day {rule.Weeks} weeks before {LondonTime.FormatDay(referenceDate)}: {LondonTime.FormatDay(dueDay)}";
        return due < start
            ? new(start, $"{what}, already past at the start; due as soon as possible (the start), late from the start", true)
            : new(due, what, false);
    }
}
