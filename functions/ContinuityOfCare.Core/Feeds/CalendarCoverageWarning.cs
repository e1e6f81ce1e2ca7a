using System.Globalization;
using ContinuityOfCare.Core.Time;
using NodaTime;

namespace ContinuityOfCare.Core.Feeds;

/// <summary>
/// docs/domain.md "Time, days and the 24-hour rule": computing a deadline beyond the last year the bank-holiday list covers
/// is an error the operator sees, never a silent guess. So the operator is warned in good time: from
/// <see cref="FeedAlarmOptions.CalendarWarningDays"/> days before the calendar's last covered day (default 90), one
/// notice a day until a newer GOV.UK bank-holidays file is loaded. Pure.
/// </summary>
public static class CalendarCoverageWarning
{
    /// <summary>Today's warning, or null when the calendar covers more than the warning window or today's notice was already raised.</summary>
    public static FeedNotice? Decide(WorkingCalendar calendar, Instant now, FeedAlarmOptions options, IReadOnlySet<string> alreadyRaised)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(alreadyRaised);

        var today = LondonTime.ToLocal(now).Date;
        var last = calendar.LastCoveredDay;
        var daysLeft = Period.Between(today, last, PeriodUnits.Days).Days;
        var id = FeedNoticeIds.CalendarRunningOut(today);
        if (daysLeft > options.CalendarWarningDays || alreadyRaised.Contains(id))
        {
            return null;
        }

        var lastText = LondonTime.FormatDay(last);
        var (subject, consequence) = daysLeft switch
        {
            < 0 => ($"The bank-holiday calendar ran out on {lastText}",
                $"It ran out {Days(-daysLeft)} ago: deadlines in later years cannot be computed and are reported as errors."),
            0 => ($"The bank-holiday calendar runs out today ({lastText})",
                "From tomorrow, deadlines in later years cannot be computed and are reported as errors."),
            _ => (string.Create(CultureInfo.InvariantCulture, $"The bank-holiday calendar runs out in {Days(daysLeft)} ({lastText})"),
                "Deadlines that fall after it cannot be computed and are reported as errors."),
        };
        return new FeedNotice(
            id,
            FeedNoticeKind.CalendarRunningOut,
            today,
            subject,
            $"The loaded England-and-Wales bank-holiday calendar covers {calendar.FirstCoveredYear}–{calendar.LastCoveredYear}. " +
            consequence + " " +
            $"Download the GOV.UK bank-holidays file (https://www.gov.uk/bank-holidays.json) and place it in the {InboxContainers.Calendar} container.");
    }

    private static string Days(int count) => count == 1 ? "1 day" : string.Create(CultureInfo.InvariantCulture, $"{count} days");
}
