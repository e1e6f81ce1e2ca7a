using ContinuityOfCare.Ingestion.Common;
using NodaTime;
using Xunit;

namespace ContinuityOfCare.Ingestion.Tests.Common;

/// <summary>formats.md: CSV dates <c>YYYY-MM-DD</c>; court list dates of birth ISO, <c>DD/MM/YYYY</c> or <c>DD-MM-YYYY</c>.</summary>
public class InputDatesTests
{
    [Theory]
    [InlineData("1983-01-02", true)]
    [InlineData("02/01/1983", false)]
    [InlineData("1983-02-30", false)]
    [InlineData("83-01-02", false)]
    [InlineData("", false)]
    public void FormatsCsv_Dates_AreYyyyMmDdOnly(string text, bool valid)
    {
        Assert.Equal(valid, InputDates.TryParseIsoDate(text, out var date));
        if (valid)
        {
            Assert.Equal(new LocalDate(1983, 1, 2), date);
        }
    }

    [Theory]
    [InlineData("1983-01-02")]
    [InlineData("02/01/1983")]
    [InlineData("02-01-1983")]
    public void FormatsCourtLists_EveryDobFormat_IsTheSameDate(string text)
    {
        Assert.True(InputDates.TryParseListDateOfBirth(text, out var date));
        Assert.Equal(new LocalDate(1983, 1, 2), date);
    }

    [Theory]
    [InlineData("1983/01/02")]
    [InlineData("31/02/1983")]
    [InlineData("01/13/1983")]
    [InlineData("2 January 1983")]
    public void FormatsCourtLists_OtherDobSpellings_AreNotDates(string text) =>
        Assert.False(InputDates.TryParseListDateOfBirth(text, out _));

    [Theory]
    [InlineData("2026-12-24T10:15", "2026-12-24T10:15:00Z")]
    [InlineData("2026-07-01T10:15", "2026-07-01T09:15:00Z")]
    [InlineData("2026-07-01T10:15:00+01:00", "2026-07-01T09:15:00Z")]
    [InlineData("2026-07-01T09:15:00Z", "2026-07-01T09:15:00Z")]
    public void FormatsCourtResults_ResultTime_LocalOrInstantWithOffset(string text, string expected)
    {
        Assert.True(InputDates.TryParseResultTime(text, out var instant));
        Assert.Equal(expected, instant.ToString());
    }
}
