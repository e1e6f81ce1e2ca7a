using ContinuityOfCare.Core.Feeds;
using ContinuityOfCare.Core.Time;
using Xunit;
using static ContinuityOfCare.Core.Tests.Time.TestCalendar;

namespace ContinuityOfCare.Core.Tests.Feeds;

/// <summary>docs/domain.md "Time, days and the 24-hour rule" (beyond the calendar is an error the operator sees): warn 90 days before it runs out.</summary>
public sealed class CalendarCoverageWarningTests
{
    private static readonly WorkingCalendar Calendar = EnglandAndWales2025To2028; // last covered day Sun 31 Dec 2028
    private static readonly HashSet<string> None = [];

    public static TheoryData<string, string?> Cases => new()
    {
        { "2028-10-01T12:00", null },                                                         // 91 days left
        { "2028-10-02T00:30", "The bank-holiday calendar runs out in 90 days (Sun 31 Dec 2028)" },
        { "2028-12-30T23:00", "The bank-holiday calendar runs out in 1 day (Sun 31 Dec 2028)" },
        { "2028-12-31T08:00", "The bank-holiday calendar runs out today (Sun 31 Dec 2028)" },
        { "2029-01-03T08:00", "The bank-holiday calendar ran out on Sun 31 Dec 2028" },
        { "2026-06-01T08:00", null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Decide_DomainTime_Warns90DaysBeforeTheCalendarRunsOut(string londonNow, string? expectedSubject)
    {
        var notice = CalendarCoverageWarning.Decide(Calendar, London(londonNow), new FeedAlarmOptions(), None);

        Assert.Equal(expectedSubject, notice?.Subject);
        if (notice is not null)
        {
            Assert.Equal(FeedNoticeKind.CalendarRunningOut, notice.Kind);
            Assert.Equal("calendar-running-out-" + londonNow[..10], notice.Id);
            Assert.Contains("covers 2025–2028", notice.Message, StringComparison.Ordinal);
            Assert.Contains("calendar container", notice.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Decide_DomainTime_OncePerDay()
    {
        var options = new FeedAlarmOptions();
        var first = CalendarCoverageWarning.Decide(Calendar, London("2028-11-01T07:00"), options, None)!;
        var raised = new HashSet<string> { first.Id };

        Assert.Null(CalendarCoverageWarning.Decide(Calendar, London("2028-11-01T19:00"), options, raised));
        Assert.NotNull(CalendarCoverageWarning.Decide(Calendar, London("2028-11-02T07:00"), options, raised));
    }

    [Fact]
    public void Decide_DomainTime_ConfiguredWindow()
    {
        var options = new FeedAlarmOptions { CalendarWarningDays = 30 };

        Assert.Null(CalendarCoverageWarning.Decide(Calendar, London("2028-11-30T12:00"), options, None));
        Assert.NotNull(CalendarCoverageWarning.Decide(Calendar, London("2028-12-01T12:00"), options, None));
    }
}
