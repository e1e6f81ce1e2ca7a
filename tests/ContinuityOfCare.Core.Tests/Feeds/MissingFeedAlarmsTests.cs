using ContinuityOfCare.Core.Directory;
using ContinuityOfCare.Core.Feeds;
using ContinuityOfCare.Core.Time;
using NodaTime;
using Xunit;
using static ContinuityOfCare.Core.Tests.Time.TestCalendar;

namespace ContinuityOfCare.Core.Tests.Feeds;

/// <summary>
/// architecture.md "Reliability rules" (a missing daily feed is itself an alert); 000 Part 1 / §PP13 (daily court
/// lists) and 000 Annex D (daily LIDS Discharge List checks): the missing-feed alarm decisions.
/// </summary>
public sealed class MissingFeedAlarmsTests
{
    private static readonly WorkingCalendar Calendar = EnglandAndWales2025To2028;
    private static readonly FeedAlarmOptions Defaults = new();
    private static readonly HashSet<string> None = [];

    private static IReadOnlyList<FeedNotice> CourtListNotices(string londonNow, params FeedReceipt[] received) =>
        MissingFeedAlarms.Decide(Calendar, London(londonNow), Defaults, received, [], None);

    public static TheoryData<string, bool, string> CourtListCases => new()
    {
        { "2026-12-10T09:59", false, "Thursday before the 10:00 cut-off" },
        { "2026-12-10T10:00", true, "Thursday at the cut-off" },
        { "2026-12-10T17:30", true, "Thursday afternoon" },
        { "2026-12-12T11:00", false, "Saturday: courts do not sit" },
        { "2026-12-13T11:00", false, "Sunday" },
        { "2026-12-25T11:00", false, "Christmas Day (bank holiday)" },
        { "2026-12-28T11:00", false, "Boxing Day substitute (bank holiday, a Monday)" },
        { "2026-12-29T11:00", true, "Tuesday after Christmas: a working day" },
        { "2027-03-29T10:30", false, "Easter Monday 2027 (BST after the clock change)" },
        { "2027-03-30T09:30", false, "Tuesday 09:30 BST: before the cut-off although 08:30 UTC" },
        { "2027-03-30T10:00", true, "Tuesday 10:00 BST = 09:00 UTC: the cut-off is local wall-clock time" },
    };

    [Theory]
    [MemberData(nameof(CourtListCases))]
    public void CourtList_000PartOneAndPP13_NoListByCutOffOnWorkingDay(string londonNow, bool expectNotice, string why)
    {
        var notices = CourtListNotices(londonNow);

        Assert.True(expectNotice == (notices.Count == 1), why);
        if (expectNotice)
        {
            var notice = notices[0];
            var today = LondonTime.ToLocal(London(londonNow)).Date;
            Assert.Equal(FeedNoticeKind.MissingCourtList, notice.Kind);
            Assert.Equal("missing-court-list-" + today.ToString("yyyy-MM-dd", null), notice.Id);
            Assert.Equal(today, notice.Day);
            Assert.Contains("000 Part 1; §PP13", notice.Message, StringComparison.Ordinal);
            Assert.StartsWith("No court list received by 10:00 on ", notice.Subject, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void CourtList_000PartOne_AListReceivedTodaySilencesTheAlarmAYesterdaysListDoesNot()
    {
        Assert.Empty(CourtListNotices("2026-12-10T12:00", new FeedReceipt(FeedKind.CourtList, Date("2026-12-10"))));
        Assert.Single(CourtListNotices("2026-12-10T12:00", new FeedReceipt(FeedKind.CourtList, Date("2026-12-09"))));
        Assert.Single(CourtListNotices("2026-12-10T12:00", new FeedReceipt(FeedKind.DischargeExport, Date("2026-12-10"), "LEI")));
    }

    [Fact]
    public void CourtList_000PartOne_AtMostOncePerDay()
    {
        var first = CourtListNotices("2026-12-10T10:15");
        var raised = first.Select(n => n.Id).ToHashSet();

        Assert.Empty(MissingFeedAlarms.Decide(Calendar, London("2026-12-10T10:30"), Defaults, [], [], raised));
        Assert.Equal(first, CourtListNotices("2026-12-10T16:00")); // same decision, same id: the shell's insert-if-absent dedups
        Assert.Single(MissingFeedAlarms.Decide(Calendar, London("2026-12-11T10:30"), Defaults, [], [], raised)); // a new day
    }

    [Fact]
    public void CourtList_000PartOne_ConfiguredCutOff()
    {
        var options = new FeedAlarmOptions { CourtListCutOff = new TimeOnly(7, 30) };

        Assert.Empty(MissingFeedAlarms.Decide(Calendar, London("2026-12-10T07:29"), options, [], [], None));
        var notice = Assert.Single(MissingFeedAlarms.Decide(Calendar, London("2026-12-10T07:30"), options, [], [], None));
        Assert.Equal("No court list received by 07:30 on Thu 10 Dec 2026", notice.Subject);
    }

    [Fact]
    public void CourtList_DomainTime_UncoveredWeekdayIsTreatedAsWorkingAndSaysSo()
    {
        var notice = Assert.Single(CourtListNotices("2029-01-02T11:00"));
        Assert.Contains("does not cover 2029", notice.Message, StringComparison.Ordinal);
        Assert.Empty(CourtListNotices("2029-01-06T11:00")); // a Saturday
    }

    public static TheoryData<string, string[], string[], string[]> DischargeCases => new()
    {
        // now (London), prisons in the directory, exports received covering yesterday, expected prisons in notices
        { "2026-12-10T10:00", ["LEI", "BMI", "WDI"], ["LEI"], ["BMI", "WDI"] },
        { "2026-12-10T09:59", ["LEI", "BMI"], [], [] },
        { "2026-12-10T10:00", ["LEI", "BMI"], ["lei", " bmi "], [] },
        { "2026-12-13T10:00", ["LEI"], [], ["LEI"] },  // Sunday: exports are daily (000 Annex D), weekends included
        { "2026-12-26T10:00", ["LEI"], [], ["LEI"] },  // Boxing Day: still daily
        { "2026-12-10T10:00", ["lei", "LEI", ""], [], ["LEI"] },
        { "2026-12-10T10:00", [], [], [] },
    };

    [Theory]
    [MemberData(nameof(DischargeCases))]
    public void Discharge_000AnnexD_OneNoticePerPrisonWithoutYesterdaysExport(string londonNow, string[] prisons, string[] received, string[] expected)
    {
        var yesterday = LondonTime.ToLocal(London(londonNow)).Date.PlusDays(-1);
        var receipts = received.Select(p => new FeedReceipt(FeedKind.DischargeExport, yesterday, p)).ToList();

        var notices = MissingFeedAlarms.Decide(
            Calendar, London(londonNow), new FeedAlarmOptions { CourtListCutOff = new TimeOnly(23, 0) }, receipts, prisons, None);

        Assert.Equal(expected, notices.Select(n => n.PrisonCode!));
        Assert.All(notices, n =>
        {
            Assert.Equal(FeedNoticeKind.MissingDischargeExport, n.Kind);
            Assert.Equal(yesterday, n.Day);
            Assert.Equal($"missing-discharge-export-{n.PrisonCode}-{yesterday:yyyy-MM-dd}", n.Id);
            Assert.Contains("000 Annex D", n.Message, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Discharge_000AnnexD_AnExportForAnotherDayDoesNotCount()
    {
        var notices = MissingFeedAlarms.Decide(
            Calendar, London("2026-12-10T11:00"), Defaults,
            [new FeedReceipt(FeedKind.DischargeExport, Date("2026-12-08"), "LEI"), new FeedReceipt(FeedKind.DischargeExport, Date("2026-12-10"), "LEI")],
            ["LEI"], None);

        Assert.Equal(["missing-court-list-2026-12-10", "missing-discharge-export-LEI-2026-12-09"], notices.Select(n => n.Id));
    }

    [Fact]
    public void Discharge_000AnnexD_AlreadyRaisedNoticesAreNotRaisedAgain()
    {
        var raised = new HashSet<string> { FeedNoticeIds.MissingDischargeExport("LEI", Date("2026-12-09")) };

        var notices = MissingFeedAlarms.Decide(Calendar, London("2026-12-10T11:00"), Defaults, [new FeedReceipt(FeedKind.CourtList, Date("2026-12-10"))], ["LEI", "BMI"], raised);

        Assert.Equal(["BMI"], notices.Select(n => n.PrisonCode!));
    }

    [Fact]
    public void PrisonsExpectedToReport_000AnnexD_PrisonSmtsInEffectOnTheCoveredDay()
    {
        var directory = new SpocDirectory(3,
        [
            Entry("LEI", OrgType.PrisonSmt, "2026-01-01"),
            Entry("BMI", OrgType.PrisonSmt, "2026-12-10"), // takes effect today: not expected for yesterday
            Entry("CJIT01", OrgType.Cjit, "2026-01-01"),
            Entry("WDI", OrgType.PrisonSmt, "2026-12-09"),
        ]);

        Assert.Equal(["LEI", "WDI"], MissingFeedAlarms.PrisonsExpectedToReport(directory, Date("2026-12-09")));
    }

    [Fact]
    public void Notices_ConsentAndDataMinimisation_CarryOnlyCodesAndDates()
    {
        var notices = MissingFeedAlarms.Decide(Calendar, London("2026-12-10T11:00"), Defaults, [], ["LEI"], None);

        Assert.Equal(2, notices.Count);
        Assert.All(notices, n => Assert.All(n.Id, c => Assert.True(char.IsAsciiLetterOrDigit(c) || c == '-')));
    }

    [Fact]
    public void Options_000PartOne_ValidateNamesTheKey()
    {
        Assert.Empty(new FeedAlarmOptions().Validate());
        Assert.Contains(new FeedAlarmOptions { CalendarWarningDays = 0 }.Validate(), e => e.StartsWith("FeedAlarms:CalendarWarningDays", StringComparison.Ordinal));
        Assert.Contains(new FeedAlarmOptions { CourtListCutOff = TimeOnly.MinValue }.Validate(), e => e.StartsWith("FeedAlarms:CourtListCutOff", StringComparison.Ordinal));
        Assert.Contains(new FeedAlarmOptions { DischargeExportCutOff = TimeOnly.MinValue }.Validate(), e => e.StartsWith("FeedAlarms:DischargeExportCutOff", StringComparison.Ordinal));
    }

    private static DirectoryEntry Entry(string code, OrgType type, string effectiveFrom) =>
        new(code, type, "Org " + code, null, code.ToLowerInvariant() + "@example.cjsm.net", "0113 000 0000", null,
            "duty@example.cjsm.net", [], [], [], Date(effectiveFrom));

    public static TheoryData<string, string, string> ExpectedCases => new()
    {
        // now (London), court list: "-" none expected / arrived / missing / not-yet, then LEI's and WDI's exports.
        { "2026-12-10T09:00", "not-yet", "arrived,not-yet" },
        { "2026-12-10T12:00", "missing", "arrived,missing" },
        { "2026-12-12T12:00", "-", "arrived,missing" },
    };

    [Theory]
    [MemberData(nameof(ExpectedCases))]
    public void Expected_ListsEveryExpectedFeedWithItsStateAndDecideRaisesExactlyTheMissingOnes(string londonNow, string courtList, string exports)
    {
        var now = London(londonNow);
        var today = LondonTime.ToLocal(now).Date;
        FeedReceipt[] received = [new(FeedKind.DischargeExport, today.PlusDays(-1), "lei")];

        var expected = MissingFeedAlarms.Expected(Calendar, now, Defaults, received, ["WDI", "LEI"]);

        static string State(ExpectedFeed feed) => feed.Arrived ? "arrived" : feed.Missing ? "missing" : "not-yet";
        Assert.Equal(courtList, expected.FirstOrDefault(f => f.Kind == FeedKind.CourtList) is { } list ? State(list) : "-");
        var prisons = expected.Where(f => f.Kind == FeedKind.DischargeExport).ToList();
        Assert.Equal(["LEI", "WDI"], prisons.Select(f => f.PrisonCode));
        Assert.Equal(exports, string.Join(',', prisons.Select(State)));
        Assert.Equal(
            expected.Count(f => f.Missing),
            MissingFeedAlarms.Decide(Calendar, now, Defaults, received, ["WDI", "LEI"], None).Count);
    }
}
