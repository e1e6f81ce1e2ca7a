using System.Globalization;

namespace ContinuityOfCare.Core.Feeds;

/// <summary>
/// Configuration of the missing-feed alarms and the calendar warning (section <see cref="SectionName"/>). Times are
/// Europe/London wall-clock times, so a 10:00 cut-off is 10:00 in winter and in summer.
/// </summary>
public sealed class FeedAlarmOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "FeedAlarms";

    /// <summary>000 Part 1, §PP13: by this local time on a working day the day's court list should have arrived (default 10:00).</summary>
    public TimeOnly CourtListCutOff { get; set; } = new(10, 0);

    /// <summary>000 Annex D: by this local time each day the previous day's discharge export should have arrived from every prison (default 10:00).</summary>
    public TimeOnly DischargeExportCutOff { get; set; } = new(10, 0);

    /// <summary>docs/domain.md "Time, days and the 24-hour rule": warn this many days before the loaded calendar runs out (default 90).</summary>
    public int CalendarWarningDays { get; set; } = 90;

    /// <summary>Every problem with these values, one sentence each naming its configuration key; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (CalendarWarningDays is < 1 or > 366)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture,
                $"{SectionName}:{nameof(CalendarWarningDays)} must be a whole number from 1 to 366; it is {CalendarWarningDays}."));
        }

        // A cut-off at midnight would fire before any feed of the day could arrive.
        if (CourtListCutOff == TimeOnly.MinValue)
        {
            errors.Add($"{SectionName}:{nameof(CourtListCutOff)} must be a time of day after 00:00 (e.g. \"10:00\").");
        }

        if (DischargeExportCutOff == TimeOnly.MinValue)
        {
            errors.Add($"{SectionName}:{nameof(DischargeExportCutOff)} must be a time of day after 00:00 (e.g. \"10:00\").");
        }

        return errors;
    }
}
