using ContinuityOfCare.Core.Time;
using Xunit;
using static ContinuityOfCare.Core.Tests.Time.TestCalendar;

namespace ContinuityOfCare.Core.Tests.Time;

/// <summary>docs/domain.md "Time, days and the 24-hour rule" / style.md (NodaTime): Europe/London input and its DST resolution.</summary>
public sealed class LondonTimeTests
{
    [Theory]
    [InlineData("2026-12-24T16:00", "2026-12-24T16:00:00+00:00")]
    [InlineData("2026-12-24T16:00:30", "2026-12-24T16:00:30+00:00")]
    [InlineData("2026-07-01T09:00", "2026-07-01T09:00:00+01:00")] // summer local time is BST
    [InlineData("2026-12-24T16:00:00Z", "2026-12-24T16:00:00+00:00")]
    [InlineData("2026-07-01T09:00Z", "2026-07-01T10:00:00+01:00")]
    [InlineData("2026-07-01T09:00+02:00", "2026-07-01T08:00:00+01:00")]
    [InlineData(" 2026-07-01T09:00:00.5+01:00 ", "2026-07-01T09:00:00.5+01:00")]
    public void TryParse_DomainTime_OffsetsAndLocalLondonTimes(string text, string expectedIso)
    {
        Assert.True(LondonTime.TryParse(text, out var instant, out var note));

        Assert.Null(note);
        Assert.Equal(expectedIso, LondonTime.FormatIso(instant));
    }

    [Theory]
    // skipped by the spring change: shifted forward by the gap (01:30 GMT does not exist → 02:30 BST)
    [InlineData("2026-03-29T01:30", "2026-03-29T02:30:00+01:00", "does not exist")]
    [InlineData("2027-03-28T01:00", "2027-03-28T02:00:00+01:00", "does not exist")]
    // repeated by the autumn change: the earlier instant (BST)
    [InlineData("2026-10-25T01:30", "2026-10-25T01:30:00+01:00", "happens twice")]
    [InlineData("2027-10-31T01:59", "2027-10-31T01:59:00+01:00", "happens twice")]
    public void TryParse_StyleNodaTime_SkippedShiftsForwardAmbiguousTakesEarlier(string text, string expectedIso, string noteSays)
    {
        Assert.True(LondonTime.TryParse(text, out var instant, out var note));

        Assert.Equal(expectedIso, LondonTime.FormatIso(instant));
        Assert.NotNull(note);
        Assert.Contains(noteSays, note, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("24/12/2026 16:00")]
    [InlineData("2026-12-24")]
    [InlineData("2026-02-30T10:00")]
    [InlineData("2026-12-24T25:00")]
    [InlineData("tomorrow")]
    public void TryParse_DomainTime_RejectsUnreadableText(string? text)
    {
        Assert.False(LondonTime.TryParse(text, out _, out _));
    }

    [Fact]
    public void FormatIso_DomainTime_LondonOffsetAndUtc()
    {
        var instant = London("2026-07-01T09:00");

        Assert.Equal("2026-07-01T09:00:00+01:00", LondonTime.FormatIso(instant));
        Assert.Equal("2026-07-01T08:00:00Z", LondonTime.FormatIsoUtc(instant));
        Assert.Equal("Wed 1 Jul 2026 09:00", LondonTime.Format(instant));
    }

    [Fact]
    public void EndOf_DomainTime_Is235959LocalExactly()
    {
        Assert.Equal("2026-10-25T23:59:59+00:00", LondonTime.FormatIso(LondonTime.EndOf(Date("2026-10-25"))));
        Assert.Equal("2026-03-29T23:59:59+01:00", LondonTime.FormatIso(LondonTime.EndOf(Date("2026-03-29"))));
    }

    /// <summary>A day-based deadline reads "end of Mon 4 Jan 2027", never "23:59:59"; a timed one keeps its time (BST too).</summary>
    [Theory]
    [InlineData("2027-01-04T23:59:59", "end of Mon 4 Jan 2027")]
    [InlineData("2027-06-01T23:59:59", "end of Tue 1 Jun 2027")] // BST
    [InlineData("2026-12-29T09:00", "Tue 29 Dec 2026 09:00")]
    [InlineData("2026-12-11T15:04", "Fri 11 Dec 2026 15:04")]
    [InlineData("2027-01-04T23:59:58", "Mon 4 Jan 2027 23:59:58")] // only the rule's exact end of day reads "end of"
    public void FormatDue_DomainTime_EndOfDayReadsAsTheDay(string local, string expected)
    {
        Assert.Equal(expected, LondonTime.FormatDue(London(local)));
    }
}
