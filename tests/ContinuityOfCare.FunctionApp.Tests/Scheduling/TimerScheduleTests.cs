using ContinuityOfCare.LocalRunner;
using Xunit;

namespace ContinuityOfCare.FunctionApp.Tests.Scheduling;

/// <summary>
/// docs/domain.md "Time, days and the 24-hour rule": wall-clock times are Europe/London. A "0 0 7 * * *" timer fires at
/// 07:00 local in winter (GMT) and summer (BST), like Azure Functions with WEBSITE_TIME_ZONE=Europe/London.
/// </summary>
public sealed class TimerScheduleTests
{
    private static readonly TimerSchedule SevenAm = new("0 0 7 * * *", TimerSchedule.London);

    [Theory]
    [InlineData("2026-01-14T12:00:00Z", "2026-01-15T07:00:00Z")] // January: GMT, 07:00 local = 07:00Z
    [InlineData("2026-01-15T06:59:59Z", "2026-01-15T07:00:00Z")]
    [InlineData("2026-07-14T12:00:00Z", "2026-07-15T06:00:00Z")] // July: BST, 07:00 local = 06:00Z
    [InlineData("2026-07-15T05:59:59Z", "2026-07-15T06:00:00Z")]
    [InlineData("2026-03-28T12:00:00Z", "2026-03-29T06:00:00Z")] // spring change on Sun 29 Mar: 07:00 is already BST
    [InlineData("2026-10-24T12:00:00Z", "2026-10-25T07:00:00Z")] // autumn change on Sun 25 Oct: 07:00 is GMT again
    public void DomainTime_SevenAmLocal_InWinterAndSummer(string after, string expected) =>
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            SevenAm.NextOccurrence(DateTimeOffset.Parse(after, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void DomainTime_SkippedLocalTime_FiresAtTheShiftedInstant()
    {
        // 01:30 local does not exist on 29 Mar 2026 (01:00 GMT → 02:00 BST): it fires at 02:30 BST = 01:30Z.
        var schedule = new TimerSchedule("0 30 1 * * *", TimerSchedule.London);

        Assert.Equal(DateTimeOffset.Parse("2026-03-29T01:30:00Z", System.Globalization.CultureInfo.InvariantCulture),
            schedule.NextOccurrence(DateTimeOffset.Parse("2026-03-28T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void DomainTime_RepeatedLocalTime_FiresOnceAtTheEarlierInstant()
    {
        // 01:30 local happens twice on 25 Oct 2026: it fires once, at 01:30 BST = 00:30Z, then next day.
        var schedule = new TimerSchedule("0 30 1 * * *", TimerSchedule.London);
        var first = schedule.NextOccurrence(DateTimeOffset.Parse("2026-10-24T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var second = schedule.NextOccurrence(first);

        Assert.Equal(DateTimeOffset.Parse("2026-10-25T00:30:00Z", System.Globalization.CultureInfo.InvariantCulture), first);
        Assert.Equal(DateTimeOffset.Parse("2026-10-26T01:30:00Z", System.Globalization.CultureInfo.InvariantCulture), second);
    }

    [Fact]
    public void Hosting_SixFieldSeconds_AreHonoured()
    {
        var everyTenSeconds = new TimerSchedule("*/10 * * * * *", TimerSchedule.London);

        Assert.Equal(DateTimeOffset.Parse("2026-01-01T00:00:10Z", System.Globalization.CultureInfo.InvariantCulture),
            everyTenSeconds.NextOccurrence(DateTimeOffset.Parse("2026-01-01T00:00:03Z", System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("Europe/London")]
    [InlineData("GMT Standard Time")] // the Windows id WEBSITE_TIME_ZONE takes on Windows plans
    public void Hosting_WebsiteTimeZone_AcceptsIanaAndWindowsIds(string id) =>
        Assert.Equal("Europe/London", TimerScheduler.ResolveZone(id).Id);
}
