using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace ContinuityOfCare.Core.Feeds;

/// <summary>
/// The deterministic ids of operator notices: one per kind, subject and day, so "at most once per feed per day" is an
/// insert-if-absent in the shell. Letters, digits and hyphens only (safe as table row keys and in URLs).
/// </summary>
public static class FeedNoticeIds
{
    private static readonly LocalDatePattern IsoDate = LocalDatePattern.Iso;

    /// <summary>"missing-court-list-2026-12-10".</summary>
    public static string MissingCourtList(LocalDate day) => "missing-court-list-" + IsoDate.Format(day);

    /// <summary>"missing-discharge-export-LEI-2026-12-09" (the day the export should cover).</summary>
    public static string MissingDischargeExport(string prisonCode, LocalDate coveredDay)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(prisonCode);
        return "missing-discharge-export-" + NormalisePrisonCode(prisonCode) + "-" + IsoDate.Format(coveredDay);
    }

    /// <summary>"calendar-running-out-2028-10-02" (one per day while the warning lasts).</summary>
    public static string CalendarRunningOut(LocalDate day) => "calendar-running-out-" + IsoDate.Format(day);

    /// <summary>A prison code as ids and comparisons use it: trimmed, upper case, anything but letters and digits dropped.</summary>
    public static string NormalisePrisonCode(string prisonCode)
    {
        ArgumentNullException.ThrowIfNull(prisonCode);
        return string.Concat(prisonCode.Trim().ToUpper(CultureInfo.InvariantCulture).Where(char.IsAsciiLetterOrDigit));
    }
}
