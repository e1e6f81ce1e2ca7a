using ContinuityOfCare.Core.Time;
using NodaTime;
using NodaTime.Text;

namespace ContinuityOfCare.Core.Tests.Time;

/// <summary>
/// The England-and-Wales calendar for 2025–2028 as test data (formats.md §6 lists 2026–2028; 2025 from GOV.UK), and
/// helpers to write Europe/London local times in tests.
/// </summary>
internal static class TestCalendar
{
    public static WorkingCalendar EnglandAndWales2025To2028 { get; } = WorkingCalendar.FromHolidays(
    [
        H("2025-01-01", "New Year’s Day"), H("2025-04-18", "Good Friday"), H("2025-04-21", "Easter Monday"),
        H("2025-05-05", "Early May bank holiday"), H("2025-05-26", "Spring bank holiday"), H("2025-08-25", "Summer bank holiday"),
        H("2025-12-25", "Christmas Day"), H("2025-12-26", "Boxing Day"),
        H("2026-01-01", "New Year’s Day"), H("2026-04-03", "Good Friday"), H("2026-04-06", "Easter Monday"),
        H("2026-05-04", "Early May bank holiday"), H("2026-05-25", "Spring bank holiday"), H("2026-08-31", "Summer bank holiday"),
        H("2026-12-25", "Christmas Day"), H("2026-12-28", "Boxing Day", "Substitute day"),
        H("2027-01-01", "New Year’s Day"), H("2027-03-26", "Good Friday"), H("2027-03-29", "Easter Monday"),
        H("2027-05-03", "Early May bank holiday"), H("2027-05-31", "Spring bank holiday"), H("2027-08-30", "Summer bank holiday"),
        H("2027-12-27", "Christmas Day", "Substitute day"), H("2027-12-28", "Boxing Day", "Substitute day"),
        H("2028-01-03", "New Year’s Day", "Substitute day"), H("2028-04-14", "Good Friday"), H("2028-04-17", "Easter Monday"),
        H("2028-05-01", "Early May bank holiday"), H("2028-05-29", "Spring bank holiday"), H("2028-08-28", "Summer bank holiday"),
        H("2028-12-25", "Christmas Day"), H("2028-12-26", "Boxing Day"),
    ]);

    /// <summary>A Europe/London local time "2026-12-24T16:00" (or with seconds) as an instant; must be unambiguous.</summary>
    public static Instant London(string local)
    {
        var pattern = local.Length > 16
            ? LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss")
            : LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm");
        return pattern.Parse(local).Value.InZoneStrictly(WorkingCalendar.London).ToInstant();
    }

    /// <summary>An instant written with an explicit offset, "2026-03-30T09:00+01:00" or "2026-03-30T23:59:59+01:00".</summary>
    public static Instant Offset(string text) =>
        (text.Length > 22
            ? OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'sso<+HH:mm>")
            : OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mmo<+HH:mm>")).Parse(text).Value.ToInstant();

    public static LocalDate Date(string text) => LocalDatePattern.Iso.Parse(text).Value;

    private static BankHoliday H(string date, string title, string notes = "") => new(Date(date), title, notes);
}
