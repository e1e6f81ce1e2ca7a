using ContinuityOfCare.Core.Time;
using NodaTime;
using Xunit;
using static ContinuityOfCare.Core.Tests.Time.TestCalendar;

namespace ContinuityOfCare.Core.Tests.Time;

/// <summary>docs/domain.md "Time, days and the 24-hour rule": working days and the covered years.</summary>
public sealed class WorkingCalendarTests
{
    [Theory]
    [InlineData("2026-12-10", true)]  // Thursday
    [InlineData("2026-12-12", false)] // Saturday
    [InlineData("2026-12-13", false)] // Sunday
    [InlineData("2026-12-25", false)] // Christmas Day
    [InlineData("2026-12-26", false)] // Boxing Day falls on Saturday…
    [InlineData("2026-12-28", false)] // …so Monday 28 Dec is the substitute
    [InlineData("2026-12-29", true)]
    [InlineData("2027-12-31", true)]  // Friday, not a holiday
    [InlineData("2028-01-03", false)] // New Year's Day substitute
    [InlineData("2027-03-26", false)] // Good Friday 2027
    [InlineData("2027-03-29", false)] // Easter Monday 2027
    [InlineData("2028-04-14", false)]
    [InlineData("2028-04-17", false)]
    [InlineData("2028-12-29", true)]  // last working day covered
    public void IsWorkingDay_DomainTime_WeekdaysThatAreNotBankHolidays(string date, bool working)
    {
        Assert.Equal(working, EnglandAndWales2025To2028.IsWorkingDay(Date(date)));
    }

    [Fact]
    public void Coverage_DomainTime_FirstToLastYearPresent()
    {
        var calendar = EnglandAndWales2025To2028;

        Assert.Equal(2025, calendar.FirstCoveredYear);
        Assert.Equal(2028, calendar.LastCoveredYear);
        Assert.Equal(new LocalDate(2028, 12, 31), calendar.LastCoveredDay);
        Assert.True(calendar.Covers(new LocalDate(2028, 12, 31)));
        Assert.False(calendar.Covers(new LocalDate(2029, 1, 1)));
        Assert.False(calendar.Covers(new LocalDate(2024, 12, 31)));
    }

    [Fact]
    public void IsWorkingDay_DomainTime_OnePastTheLastCoveredDayIsAnErrorNamingTheYear()
    {
        var error = Assert.Throws<CalendarCoverageException>(() => EnglandAndWales2025To2028.IsWorkingDay(new LocalDate(2029, 1, 1)));

        Assert.Equal(2029, error.Year);
        Assert.Equal("The bank-holiday calendar covers 2025–2028; this deadline needs 2029, which it does not cover. " +
            "Load a newer GOV.UK bank-holidays file (england-and-wales).", error.Message);
    }

    [Fact]
    public void NonWorkingReason_FormatsSection6_NamesTheHolidayAndSubstitute()
    {
        var calendar = EnglandAndWales2025To2028;

        Assert.Equal("Boxing Day, substitute day", calendar.NonWorkingReason(Date("2026-12-28")));
        Assert.Equal("weekend", calendar.NonWorkingReason(Date("2026-12-27")));
        Assert.Null(calendar.NonWorkingReason(Date("2026-12-29")));
    }

    [Fact]
    public void WorkingDaysAfter_DomainTime_StartDayNeverCounts()
    {
        Assert.Equal(Date("2026-12-08"), EnglandAndWales2025To2028.WorkingDaysAfter(Date("2026-12-07"), 1));
        Assert.Equal(Date("2026-12-29"), EnglandAndWales2025To2028.WorkingDaysAfter(Date("2026-12-24"), 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => EnglandAndWales2025To2028.WorkingDaysAfter(Date("2026-12-24"), 0));
    }

    [Fact]
    public void Constructor_Guards_RejectInvertedRangeEmptyListAndStrayHoliday()
    {
        Assert.Throws<ArgumentException>(() => new WorkingCalendar([], 2027, 2026));
        Assert.Throws<ArgumentException>(() => WorkingCalendar.FromHolidays([]));
        Assert.Throws<ArgumentException>(() => new WorkingCalendar([new BankHoliday(Date("2030-01-01"), "New Year’s Day")], 2026, 2027));
        Assert.Throws<ArgumentNullException>(() => new WorkingCalendar(null!, 2026, 2027));
    }

    [Fact]
    public void Constructor_ExplicitRange_CoversYearsWithoutListedHolidays()
    {
        var calendar = new WorkingCalendar([], 2026, 2026);

        Assert.True(calendar.IsWorkingDay(Date("2026-12-25")));
        Assert.Throws<CalendarCoverageException>(() => calendar.IsWorkingDay(Date("2027-01-01")));
    }
}
