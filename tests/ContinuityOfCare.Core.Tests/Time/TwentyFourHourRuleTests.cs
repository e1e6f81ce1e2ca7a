using ContinuityOfCare.Core.Time;
using NodaTime;
using Xunit;
using static ContinuityOfCare.Core.Tests.Time.TestCalendar;

namespace ContinuityOfCare.Core.Tests.Time;

/// <summary>000 Part 1, §PP2 (docs/domain.md "The 24h rule"): within 24 hours; after a touched non-working day, 09:00 on the next working day.</summary>
public sealed class TwentyFourHourRuleTests
{
    private static readonly DeadlineRule Rule = DeadlineRule.TwentyFourHourRule.Standard;

    private static Instant Due(Instant start) => DeadlineCalculator.Due(Rule, start, EnglandAndWales2025To2028).Due;

    [Theory]
    [InlineData("2026-12-10T15:00", "2026-12-11T15:00")] // Thu → Fri 15:00 (no weekend touched)
    [InlineData("2026-12-11T15:00", "2026-12-14T09:00")] // Fri → touches Sat → Mon 09:00
    [InlineData("2026-12-13T20:00", "2026-12-14T20:00")] // Sun → later of Mon 20:00 and Mon 09:00
    [InlineData("2026-12-24T16:00", "2026-12-29T09:00")] // Thu 24 Dec → Christmas, weekend, Boxing substitute → Tue 09:00
    public void Rule24h_000PartOne_DomainWorkedExamples(string start, string expected)
    {
        Assert.Equal(London(expected), Due(London(start)));
    }

    public static TheoryData<string, string, string> Cases => new()
    {
        // ordinary weekdays
        { "ordinary Monday morning", "2026-12-07T09:00", "2026-12-08T09:00+00:00" },
        { "ordinary Wednesday evening", "2026-12-09T18:30", "2026-12-10T18:30+00:00" },
        { "Thursday late evening ends on Friday", "2026-12-10T23:59", "2026-12-11T23:59+00:00" },
        // Friday afternoons and weekends
        { "Friday 09:00 touches Saturday", "2026-12-11T09:00", "2026-12-14T09:00+00:00" },
        { "Friday 17:30", "2026-12-11T17:30", "2026-12-14T09:00+00:00" },
        { "Saturday noon", "2026-12-12T12:00", "2026-12-14T09:00+00:00" },
        { "Sunday 09:00: t+24h equals Monday 09:00", "2026-12-13T09:00", "2026-12-14T09:00+00:00" },
        { "Sunday 08:00: Monday 09:00 is later", "2026-12-13T08:00", "2026-12-14T09:00+00:00" },
        // starts exactly at midnight: the window (t, t+24h] is open at t and closed at t+24h
        { "Thursday 00:00 ends Friday 00:00, no weekend", "2026-12-10T00:00", "2026-12-11T00:00+00:00" },
        { "Friday 00:00 ends exactly Saturday 00:00, which touches Saturday", "2026-12-11T00:00", "2026-12-14T09:00+00:00" },
        { "Saturday 00:00", "2026-12-12T00:00", "2026-12-14T09:00+00:00" },
        { "Sunday 00:00 ends Monday 00:00 → Monday 09:00", "2026-12-13T00:00", "2026-12-14T09:00+00:00" },
        { "Monday 00:00 window starts after Sunday ended", "2026-12-14T00:00", "2026-12-15T00:00+00:00" },
        // Christmas and Boxing Day 2026 (Boxing Day substitute Monday 28 Dec)
        { "Wednesday 23 Dec: no holiday touched", "2026-12-23T16:00", "2026-12-24T16:00+00:00" },
        { "Christmas Day itself", "2026-12-25T10:00", "2026-12-29T09:00+00:00" },
        { "Sunday 27 Dec touches Mon 28 Dec (substitute)", "2026-12-27T12:00", "2026-12-29T09:00+00:00" },
        { "Boxing Day substitute itself", "2026-12-28T08:00", "2026-12-29T09:00+00:00" },
        { "Tuesday 29 Dec, back to normal", "2026-12-29T10:00", "2026-12-30T10:00+00:00" },
        // New Year 2027 and 2028 (2028: Saturday 1 Jan, substitute Monday 3 Jan)
        { "New Year's Eve 2026 touches New Year's Day 2027", "2026-12-31T12:00", "2027-01-04T09:00+00:00" },
        { "New Year's Eve 2027 touches Sat 1 Jan 2028; Mon 3 Jan substitute", "2027-12-31T12:00", "2028-01-04T09:00+00:00" },
        { "Thursday 30 Dec 2027: Friday 31 Dec is a working day", "2027-12-30T12:00", "2027-12-31T12:00+00:00" },
        { "Christmas 2027 substitutes 27 and 28 Dec", "2027-12-24T12:00", "2027-12-29T09:00+00:00" },
        // Easter 2027 (Good Friday 26 Mar, Easter Monday 29 Mar; clocks change Sunday 28 Mar) and 2028 (14/17 Apr)
        { "Maundy Thursday 2027 → Tuesday after Easter, BST", "2027-03-25T14:00", "2027-03-30T09:00+01:00" },
        { "Easter Monday 2027 itself", "2027-03-29T11:00", "2027-03-30T11:00+01:00" },
        { "Maundy Thursday 2028", "2028-04-13T14:00", "2028-04-18T09:00+01:00" },
        { "Easter Saturday 2028", "2028-04-15T14:00", "2028-04-18T09:00+01:00" },
        // DST: 24 hours are elapsed time; 09:00 is wall-clock time
        { "spring 2026: Sat 28 Mar 12:00 GMT, window ends Sun 13:00 BST", "2026-03-28T12:00", "2026-03-30T09:00+01:00" },
        { "spring 2026: Sat 23:30 GMT, 23-hour Sunday, window ends Mon 00:30 BST", "2026-03-28T23:30", "2026-03-30T09:00+01:00" },
        { "spring 2026: Sunday 00:30 GMT before the change", "2026-03-29T00:30", "2026-03-30T09:00+01:00" },
        { "spring 2026: Monday after the change, elapsed 24h", "2026-03-30T10:00", "2026-03-31T10:00+01:00" },
        { "autumn 2026: Sunday 00:30 BST, 25-hour Sunday, window ends Sun 23:30 GMT", "2026-10-25T00:30", "2026-10-26T09:00+00:00" },
        { "autumn 2026: Sunday 22:00 GMT → Monday 22:00", "2026-10-25T22:00", "2026-10-26T22:00+00:00" },
        { "autumn 2026: Friday 26 Oct BST → Monday GMT", "2026-10-23T15:00", "2026-10-26T09:00+00:00" },
        { "spring 2027: Saturday 27 Mar (Easter weekend)", "2027-03-27T12:00", "2027-03-30T09:00+01:00" },
        { "autumn 2027: Saturday 30 Oct 12:00 BST", "2027-10-30T12:00", "2027-11-01T09:00+00:00" },
        { "autumn 2027: Sunday 31 Oct 23:00 GMT", "2027-10-31T23:00", "2027-11-01T23:00+00:00" },
        // the calendar's last covered day (2028-12-31, a Sunday)
        { "Wednesday 27 Dec 2028", "2028-12-27T12:00", "2028-12-28T12:00+00:00" },
        { "Saturday 30 Dec 2028 → Sunday 31 Dec 2028? no: Monday 1 Jan 2029", "2028-12-30T12:00", "ERROR 2029" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Rule24h_000PartOne_Table(string because, string start, string expected)
    {
        if (expected.StartsWith("ERROR", StringComparison.Ordinal))
        {
            var error = Assert.Throws<CalendarCoverageException>(() => Due(London(start)));
            Assert.Equal(int.Parse(expected[6..], System.Globalization.CultureInfo.InvariantCulture), error.Year);
            Assert.Contains(expected[6..], error.Message, StringComparison.Ordinal);
            return;
        }

        Assert.True(Offset(expected) == Due(London(start)), because);
    }

    [Fact]
    public void Rule24h_000PartOne_ExplanationNamesTheTouchedHolidayAndNextWorkingDay()
    {
        var due = DeadlineCalculator.Due(Rule, London("2026-12-24T16:00"), EnglandAndWales2025To2028);

        Assert.Equal("24h window touched Fri 25 Dec 2026 (Christmas Day); next working day Tue 29 Dec 2026 09:00", due.Explanation);
        Assert.False(due.LateFromStart);
    }

    [Fact]
    public void Rule24h_000PartOne_ExplanationSaysWhenElapsedTimeWins()
    {
        var due = DeadlineCalculator.Due(Rule, London("2026-12-13T20:00"), EnglandAndWales2025To2028);

        Assert.Equal(
            "24h window touched Sun 13 Dec 2026 (weekend); next working day Mon 14 Dec 2026 09:00 is earlier than 24 hours after the start, so due 24 hours after the start",
            due.Explanation);
    }

    [Fact]
    public void Rule24h_000PartOne_ExplanationWithoutNonWorkingDay()
    {
        var due = DeadlineCalculator.Due(Rule, London("2026-12-10T15:00"), EnglandAndWales2025To2028);

        Assert.Equal("24h window touched no non-working day; due 24 hours after the start", due.Explanation);
    }

    [Fact]
    public void Rule24h_000PartOne_ConfiguredWindowAndTime()
    {
        var rule = new DeadlineRule.TwentyFourHourRule(48, new LocalTime(10, 30));

        // Thu 10 Dec 15:00 + 48h = Sat 12 Dec 15:00 → touches Sat → Mon 10:30 (later).
        Assert.Equal(London("2026-12-14T10:30"), DeadlineCalculator.Due(rule, London("2026-12-10T15:00"), EnglandAndWales2025To2028).Due);
    }

    [Fact]
    public void Rule24h_000PartOne_StartBeforeTheFirstCoveredYearIsAnError()
    {
        var error = Assert.Throws<CalendarCoverageException>(() => Due(London("2024-12-31T12:00")));

        Assert.Equal(2024, error.Year);
    }
}
