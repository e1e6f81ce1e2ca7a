using ContinuityOfCare.Core.Time;
using NodaTime;
using Xunit;
using static ContinuityOfCare.Core.Tests.Time.TestCalendar;

namespace ContinuityOfCare.Core.Tests.Time;

/// <summary>docs/domain.md "Time, days and the 24-hour rule": hours, days, end of day k, working days, end of the day, weeks before.</summary>
public sealed class DayRuleTests
{
    private static DueInstant Due(DeadlineRule rule, string start, string? date = null) =>
        DeadlineCalculator.Due(rule, London(start), EnglandAndWales2025To2028, date is null ? null : Date(date));

    public static TheoryData<string, string, string> HoursCases => new()
    {
        { "ordinary weekday", "2026-12-10T15:00", "2026-12-11T15:00+00:00" },
        { "Friday afternoon: elapsed hours ignore weekends", "2026-12-11T15:00", "2026-12-12T15:00+00:00" },
        { "Christmas Eve: elapsed hours ignore holidays", "2026-12-24T16:00", "2026-12-25T16:00+00:00" },
        { "spring 2026: across the 23-hour Sunday", "2026-03-28T12:00", "2026-03-29T13:00+01:00" },
        { "autumn 2026: across the 25-hour Sunday", "2026-10-24T20:00", "2026-10-25T19:00+00:00" },
        { "spring 2027", "2027-03-27T09:00", "2027-03-28T10:00+01:00" },
        { "autumn 2027", "2027-10-30T09:00", "2027-10-31T08:00+00:00" },
        { "midnight start", "2026-12-14T00:00", "2026-12-15T00:00+00:00" },
        { "last covered day", "2028-12-30T12:00", "2028-12-31T12:00+00:00" },
    };

    /// <summary>docs/domain.md "N hours after t": t + N hours, elapsed.</summary>
    [Theory]
    [MemberData(nameof(HoursCases))]
    public void HoursAfter_DomainTime_IsElapsedTime(string because, string start, string expected)
    {
        Assert.True(Offset(expected) == Due(new DeadlineRule.HoursAfter(24), start).Due, because);
    }

    [Fact]
    public void HoursAfter_DomainTime_BeyondTheLastCoveredYearIsAnError()
    {
        var error = Assert.Throws<CalendarCoverageException>(() => Due(new DeadlineRule.HoursAfter(24), "2028-12-31T12:00"));

        Assert.Equal(2029, error.Year);
        Assert.Contains("2029", error.Message, StringComparison.Ordinal);
        Assert.Contains("2025–2028", error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string> CalendarDaysCases => new()
    {
        { "Friday afternoon + 3 days = end of Monday", "2026-12-11T15:00", "2026-12-14T23:59:59+00:00" },
        { "Sunday midnight start", "2026-12-13T00:00", "2026-12-16T23:59:59+00:00" },
        { "Christmas Eve: holidays are calendar days too", "2026-12-24T16:00", "2026-12-27T23:59:59+00:00" },
        { "across autumn 2026 change", "2026-10-24T10:00", "2026-10-27T23:59:59+00:00" },
        { "across spring 2027 change", "2027-03-26T10:00", "2027-03-29T23:59:59+01:00" },
        { "ends on the last covered day", "2028-12-28T10:00", "2028-12-31T23:59:59+00:00" },
        { "one past it", "2028-12-29T10:00", "ERROR 2029" },
    };

    /// <summary>docs/domain.md "N days after t": end of the local day N calendar days after t's date (000 §PP2, §PP4: triage in 3 days).</summary>
    [Theory]
    [MemberData(nameof(CalendarDaysCases))]
    public void CalendarDaysAfter_DomainTime_EndOfTheLocalDay(string because, string start, string expected) =>
        AssertDue(new DeadlineRule.CalendarDaysAfter(3), start, expected, because);

    public static TheoryData<string, string, string> EndOfDayFiveCases => new()
    {
        { "Monday entry: day 5 is Friday", "2026-12-14T10:00", "2026-12-18T23:59:59+00:00" },
        { "Monday entry at 00:00", "2026-12-14T00:00", "2026-12-18T23:59:59+00:00" },
        { "Monday entry at 23:59", "2026-12-14T23:59", "2026-12-18T23:59:59+00:00" },
        { "Christmas Eve entry: day 5 is Mon 28 Dec (holiday or not)", "2026-12-24T09:00", "2026-12-28T23:59:59+00:00" },
        { "across spring 2026 change", "2026-03-27T10:00", "2026-03-31T23:59:59+01:00" },
        { "across autumn 2027 change", "2027-10-29T10:00", "2027-11-02T23:59:59+00:00" },
    };

    /// <summary>000 §PP4 "Day 5"; docs/domain.md: "End of day k (entry day = day 1)" is "k−1 days after".</summary>
    [Theory]
    [MemberData(nameof(EndOfDayFiveCases))]
    public void EndOfDayNumber_000PP4Day5_EntryDayIsDayOne(string because, string start, string expected) =>
        AssertDue(new DeadlineRule.EndOfDayNumber(5), start, expected, because);

    [Fact]
    public void EndOfDayNumber_000PP4_DayOneIsTheEntryDay() =>
        AssertDue(new DeadlineRule.EndOfDayNumber(1), "2026-12-14T10:00", "2026-12-14T23:59:59+00:00", "day 1");

    public static TheoryData<string, string, string> WorkingDayCases => new()
    {
        { "Monday: five working days later is next Monday", "2026-12-07T10:00", "2026-12-14T23:59:59+00:00" },
        { "Monday at 00:00: its own day still never counts", "2026-12-07T00:00", "2026-12-14T23:59:59+00:00" },
        { "Monday at 09:00", "2026-12-07T09:00", "2026-12-14T23:59:59+00:00" },
        { "Friday afternoon", "2026-12-11T16:00", "2026-12-18T23:59:59+00:00" },
        { "Sunday", "2026-12-13T12:00", "2026-12-18T23:59:59+00:00" },
        { "Christmas Eve 2026: skips 25, 28 Dec and 1 Jan", "2026-12-24T16:00", "2027-01-05T23:59:59+00:00" },
        { "New Year's Eve 2027: skips Mon 3 Jan 2028 substitute", "2027-12-31T12:00", "2028-01-10T23:59:59+00:00" },
        { "Easter 2027", "2027-03-25T10:00", "2027-04-05T23:59:59+01:00" },
        { "Easter 2028", "2028-04-13T10:00", "2028-04-24T23:59:59+01:00" },
        { "across spring 2026 change and Easter 2026", "2026-03-27T10:00", "2026-04-07T23:59:59+01:00" },
        { "across autumn 2026 change", "2026-10-23T10:00", "2026-10-30T23:59:59+00:00" },
        { "across autumn 2027 change", "2027-10-29T10:00", "2027-11-05T23:59:59+00:00" },
        { "ends in the last covered week", "2028-12-15T10:00", "2028-12-22T23:59:59+00:00" },
        { "needs 2029", "2028-12-22T10:00", "ERROR 2029" },
    };

    /// <summary>000 §PP9 (5 working days); docs/domain.md "N working days after t": end of the Nth working day after t's date.</summary>
    [Theory]
    [MemberData(nameof(WorkingDayCases))]
    public void WorkingDaysAfter_000PP9_EndOfTheNthWorkingDay(string because, string start, string expected) =>
        AssertDue(new DeadlineRule.WorkingDaysAfter(5), start, expected, because);

    [Fact]
    public void WorkingDaysAfter_000PP9_ExplanationNamesSkippedHolidays()
    {
        var due = Due(new DeadlineRule.WorkingDaysAfter(5), "2026-12-24T16:00");

        Assert.Equal(
            "end of working day 5 after Thu 24 Dec 2026 (the start's own day never counts): Tue 5 Jan 2027; skipped " +
            "Fri 25 Dec 2026 (Christmas Day), Mon 28 Dec 2026 (Boxing Day, substitute day), Fri 1 Jan 2027 (New Year’s Day)",
            due.Explanation);
    }

    public static TheoryData<string, string, string> EndOfStartDayCases => new()
    {
        { "ordinary day", "2026-12-10T10:00", "2026-12-10T23:59:59+00:00" },
        { "midnight start", "2026-12-10T00:00", "2026-12-10T23:59:59+00:00" },
        { "start at 23:59:59 is due at once", "2026-12-10T23:59:59", "2026-12-10T23:59:59+00:00" },
        { "autumn 2026 change day (25 hours)", "2026-10-25T00:30", "2026-10-25T23:59:59+00:00" },
        { "spring 2027 change day (23 hours)", "2027-03-28T00:30", "2027-03-28T23:59:59+01:00" },
        { "last covered day", "2028-12-31T10:00", "2028-12-31T23:59:59+00:00" },
    };

    /// <summary>000 §PP8: the transfer notice by the end of the transfer day (docs/domain.md "End of the day of t").</summary>
    [Theory]
    [MemberData(nameof(EndOfStartDayCases))]
    public void EndOfStartDay_000PP8_EndOfTheLocalDay(string because, string start, string expected) =>
        AssertDue(DeadlineRule.EndOfStartDay.Instance, start, expected, because);

    public static TheoryData<string, string, string, string, bool> WeeksBeforeCases => new()
    {
        { "release in February 2027", "2026-12-14T10:00", "2027-02-01", "2026-12-21T23:59:59+00:00", false },
        { "due date across the spring 2027 change", "2027-01-04T10:00", "2027-05-09", "2027-03-28T23:59:59+01:00", false },
        { "start at exactly the due instant is not late", "2026-12-21T23:59:59", "2027-02-01", "2026-12-21T23:59:59+00:00", false },
        { "already past: due at the start, late from the start", "2027-01-10T11:15", "2027-02-01", "2027-01-10T11:15+00:00", true },
        { "release date itself already past", "2027-03-01T08:00", "2027-02-01", "2027-03-01T08:00+00:00", true },
    };

    /// <summary>000 §PP7: release planning 6 weeks before the release date; already past → as soon as possible, flagged late.</summary>
    [Theory]
    [MemberData(nameof(WeeksBeforeCases))]
    public void WeeksBefore_000PP7_EndOfTheDaySixWeeksBefore(string because, string start, string release, string expected, bool late)
    {
        var due = Due(new DeadlineRule.WeeksBefore(6), start, release);

        Assert.True(Offset(expected) == due.Due, because);
        Assert.Equal(late, due.LateFromStart);
    }

    [Fact]
    public void WeeksBefore_000PP7_NeedsAReferenceDate()
    {
        var error = Assert.Throws<ArgumentException>(() => Due(new DeadlineRule.WeeksBefore(6), "2026-12-14T10:00"));

        Assert.Contains("reference date", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WeeksBefore_000PP7_BeyondCoverageIsAnError()
    {
        var error = Assert.Throws<CalendarCoverageException>(() => Due(new DeadlineRule.WeeksBefore(6), "2028-12-01T10:00", "2029-03-01"));

        Assert.Equal(2029, error.Year);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Rules_DomainTime_NumbersBelowOneAreRejected(int n)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new DeadlineRule.HoursAfter(n));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DeadlineRule.CalendarDaysAfter(n));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DeadlineRule.EndOfDayNumber(n));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DeadlineRule.WorkingDaysAfter(n));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DeadlineRule.WeeksBefore(n));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DeadlineRule.TwentyFourHourRule(n, new LocalTime(9, 0)));
    }

    private static void AssertDue(DeadlineRule rule, string start, string expected, string because)
    {
        if (expected.StartsWith("ERROR", StringComparison.Ordinal))
        {
            var error = Assert.Throws<CalendarCoverageException>(() => Due(rule, start));
            Assert.Equal(expected[6..], error.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return;
        }

        var expectedInstant = Offset(expected);
        var actual = Due(rule, start).Due;
        Assert.True(expectedInstant == actual, $"{because}: expected {expected}, got {LondonTime.FormatIso(actual)}");
    }
}
