using ContinuityOfCare.Core.Feeds;
using ContinuityOfCare.Core.Time;
using NodaTime;
using Xunit;
using static ContinuityOfCare.Core.Tests.Time.TestCalendar;

namespace ContinuityOfCare.Core.Tests.Feeds;

/// <summary>
/// What a feed file counts as (<see cref="FeedReceipts"/>) and the day it is checked on
/// (<see cref="MissingFeedAlarms.CheckedOn"/>), which partitions the feed-arrival index: a receipt read from that one
/// partition must be exactly what <see cref="MissingFeedAlarms.Expected"/> looks for on that day.
/// </summary>
public sealed class FeedReceiptsTests
{
    public static TheoryData<string, string, string?> CourtListCases => new()
    {
        { "2026-12-10T06:30", "2026-12-10", "B01LY" },
        { "2026-12-10T23:30", "2026-12-10", null },          // 23:30 GMT is still the 10th
        { "2027-06-10T23:30", "2027-06-10", "B13LS" },       // 23:30 BST = 22:30 UTC: the local day counts
    };

    [Theory]
    [MemberData(nameof(CourtListCases))]
    public void A_court_list_counts_for_its_local_day_received_and_is_looked_for_that_day(string londonReceived, string day, string? court)
    {
        var receipt = Assert.Single(FeedReceipts.ForCourtList(London(londonReceived), court));

        Assert.Equal(new FeedReceipt(FeedKind.CourtList, Day(day), CourtCode: court), receipt);
        Assert.Equal(Day(day), MissingFeedAlarms.CheckedOn(receipt));
        var expected = MissingFeedAlarms.Expected(EnglandAndWales2025To2028, London(day + "T11:00"), new FeedAlarmOptions(), [receipt], []);
        Assert.True(Assert.Single(expected).Arrived);
    }

    [Theory]
    [InlineData("LEI_2026-12-24.csv", "2026-12-24T08:00", "LEI", "2026-12-23")]
    [InlineData("WDI.csv", "2026-12-01T00:30", "WDI", "2026-11-30")]
    public void An_empty_export_counts_for_its_named_prison_and_the_day_before_and_is_looked_for_the_day_it_came(
        string fileName, string londonReceived, string prison, string covered)
    {
        var receipt = Assert.Single(FeedReceipts.ForDischargeExport([], fileName, London(londonReceived)));

        Assert.Equal(new FeedReceipt(FeedKind.DischargeExport, Day(covered), prison), receipt);
        var checkedOn = MissingFeedAlarms.CheckedOn(receipt);
        Assert.Equal(Day(covered).PlusDays(1), checkedOn);
        var expected = MissingFeedAlarms.Expected(EnglandAndWales2025To2028, London(LocalDatePatternIso(checkedOn) + "T11:00"), new FeedAlarmOptions(), [receipt], [prison]);
        Assert.True(expected.Single(f => f.Kind == FeedKind.DischargeExport).Arrived);
    }

    [Fact]
    public void An_empty_export_whose_name_names_no_prison_counts_for_nothing() =>
        Assert.Empty(FeedReceipts.ForDischargeExport([], "export.csv", London("2026-12-24T08:00")));

    private static LocalDate Day(string iso) => NodaTime.Text.LocalDatePattern.Iso.Parse(iso).Value;

    private static string LocalDatePatternIso(LocalDate day) => NodaTime.Text.LocalDatePattern.Iso.Format(day);
}
