using System.Text;
using ContinuityOfCare.Core.Time;
using ContinuityOfCare.Ingestion.BankHolidays;
using NodaTime;
using Xunit;

namespace ContinuityOfCare.Ingestion.Tests.BankHolidays;

/// <summary>docs/domain.md "Time, days and the 24-hour rule": the shipped snapshot and a refreshed file by configuration.</summary>
public sealed class BankHolidayCalendarLoaderTests
{
    /// <summary>formats.md §6: the England-and-Wales bank holidays 2026–2028, exactly as listed.</summary>
    private static readonly string[] Formats6 =
    [
        "2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25", "2026-08-31", "2026-12-25", "2026-12-28",
        "2027-01-01", "2027-03-26", "2027-03-29", "2027-05-03", "2027-05-31", "2027-08-30", "2027-12-27", "2027-12-28",
        "2028-01-03", "2028-04-14", "2028-04-17", "2028-05-01", "2028-05-29", "2028-08-28", "2028-12-25", "2028-12-26",
    ];

    [Fact]
    public async Task LoadSnapshot_FormatsSection6_ShipsExactlyTheListedHolidaysFor2026To2028()
    {
        var calendar = await BankHolidayCalendarLoader.LoadSnapshotAsync(CancellationToken.None);

        Assert.Equal(2025, calendar.FirstCoveredYear);
        Assert.Equal(2028, calendar.LastCoveredYear);
        Assert.Equal(Formats6, calendar.Holidays.Where(h => h.Date.Year >= 2026).Select(h => h.Date.ToString("yyyy-MM-dd", null)));
        Assert.Equal(8, calendar.Holidays.Count(h => h.Date.Year == 2025));
        Assert.Equal("Boxing Day, substitute day", calendar.NonWorkingReason(new LocalDate(2026, 12, 28)));
    }

    [Fact]
    public async Task LoadAsync_DomainTime_BlankPathMeansTheSnapshot()
    {
        var calendar = await BankHolidayCalendarLoader.LoadAsync("  ", CancellationToken.None);

        Assert.Equal(2028, calendar.LastCoveredYear);
    }

    [Fact]
    public async Task LoadAsync_DomainTime_ARefreshedFileReplacesTheSnapshot()
    {
        var path = Path.Combine(Path.GetTempPath(), $"bank-holidays-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path,
            "{\"england-and-wales\": {\"division\": \"england-and-wales\", \"events\": [{\"title\": \"New Year’s Day\", \"date\": \"2029-01-01\", \"notes\": \"\", \"bunting\": true}]}}",
            Encoding.UTF8);
        try
        {
            var calendar = await BankHolidayCalendarLoader.LoadAsync(path, CancellationToken.None);

            Assert.Equal(2029, calendar.FirstCoveredYear);
            Assert.Equal(2029, calendar.LastCoveredYear);
            Assert.False(calendar.IsWorkingDay(new LocalDate(2029, 1, 1)));
            Assert.Throws<CalendarCoverageException>(() => calendar.IsWorkingDay(new LocalDate(2028, 12, 29)));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task LoadAsync_DomainTime_MissingFileIsAnIoError()
    {
        var path = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.json");

        await Assert.ThrowsAnyAsync<IOException>(() => BankHolidayCalendarLoader.LoadAsync(path, CancellationToken.None));
    }
}
