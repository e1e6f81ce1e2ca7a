using System.Globalization;
using ContinuityOfCare.Core.Inputs;
using NodaTime;
using NodaTime.Text;

namespace ContinuityOfCare.Ingestion.Common;

/// <summary>
/// The date and time spellings the inputs use (formats.md): CSV dates <c>YYYY-MM-DD</c>, CSV times <c>HH:MM</c>
/// (24h, Europe/London); HMCTS court list dates of birth as ISO <c>YYYY-MM-DD</c> (current schema) or
/// <c>DD/MM/YYYY</c> / <c>DD-MM-YYYY</c> (older revisions).
/// </summary>
public static class InputDates
{
    private static readonly LocalDatePattern Iso = LocalDatePattern.Iso;
    private static readonly LocalDatePattern DaySlashMonth = LocalDatePattern.CreateWithInvariantCulture("dd'/'MM'/'uuuu");
    private static readonly LocalDatePattern DayDashMonth = LocalDatePattern.CreateWithInvariantCulture("dd'-'MM'-'uuuu");
    private static readonly LocalTimePattern HourMinute = LocalTimePattern.CreateWithInvariantCulture("HH':'mm");
    private static readonly LocalTimePattern HourMinuteSecond = LocalTimePattern.CreateWithInvariantCulture("HH':'mm':'ss");
    private static readonly LocalDateTimePattern LocalMinute = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm");
    private static readonly OffsetDateTimePattern OffsetIso = OffsetDateTimePattern.ExtendedIso;

    /// <summary>A CSV date: exactly <c>YYYY-MM-DD</c>.</summary>
    public static bool TryParseIsoDate(string? text, out LocalDate date) => TryParsePlainIso(text, out date) || TryParse(Iso, text, out date);

    /// <summary>
    /// A court list date of birth: <c>YYYY-MM-DD</c>, <c>DD/MM/YYYY</c> or <c>DD-MM-YYYY</c> (formats.md §1; the
    /// day-first forms are the 2024 and older Magistrates schema revisions).
    /// </summary>
    public static bool TryParseListDateOfBirth(string? text, out LocalDate date) =>
        TryParsePlainIso(text, out date) || TryParse(Iso, text, out date) || TryParse(DaySlashMonth, text, out date) || TryParse(DayDashMonth, text, out date);

    /// <summary>
    /// A partial date of birth as a Crown list may give it (docs/formats.md §1): <c>YYYY</c> or <c>YYYY-MM</c>, year
    /// 1900–2099. A full date is not partial (<see cref="TryParseListDateOfBirth"/> reads it).
    /// </summary>
    public static bool TryParsePartialDate(string? text, out PartialDate partial)
    {
        partial = new PartialDate(0, null);
        var value = text?.Trim() ?? string.Empty;
        if (value.Length is not (4 or 7) || !int.TryParse(value.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 1900 or > 2099)
        {
            return false;
        }

        if (value.Length == 4)
        {
            partial = new PartialDate(year, null);
            return true;
        }

        if (value[4] != '-' || !int.TryParse(value.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var month) || month is < 1 or > 12)
        {
            return false;
        }

        partial = new PartialDate(year, month);
        return true;
    }

    /// <summary>A CSV time: exactly <c>HH:MM</c>, 24-hour.</summary>
    public static bool TryParseHourMinute(string? text, out LocalTime time) => TryParse(HourMinute, text, out time);

    /// <summary>A Crown list <c>SittingAt</c>: <c>HH:MM:SS</c> (or <c>HH:MM</c>).</summary>
    public static bool TryParseSittingTime(string? text, out LocalTime time) =>
        TryParse(HourMinuteSecond, text, out time) || TryParse(HourMinute, text, out time);

    /// <summary>
    /// An HMCTS timestamp such as <c>sittingStart</c>: ISO-8601 with <c>Z</c> or an offset, fractional seconds allowed.
    /// </summary>
    public static bool TryParseInstant(string? text, out Instant instant)
    {
        instant = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var result = OffsetIso.Parse(text.Trim());
        if (!result.Success)
        {
            return false;
        }

        instant = result.Value.ToInstant();
        return true;
    }

    /// <summary>
    /// The court results' <c>result_time</c>: <c>YYYY-MM-DDTHH:MM</c> Europe/London local time (DST resolved as
    /// <see cref="LondonLocalTime"/> says), or an ISO-8601 instant with <c>Z</c> or an offset.
    /// </summary>
    public static bool TryParseResultTime(string? text, out Instant instant)
    {
        if (TryParse(LocalMinute, text, out LocalDateTime local))
        {
            instant = LondonLocalTime.ToInstant(local);
            return true;
        }

        return TryParseInstant(text, out instant);
    }

    /// <summary>Formats a date as <c>YYYY-MM-DD</c> (the CSV spelling).</summary>
    public static string FormatIso(LocalDate date) => Iso.Format(date);

    /// <summary>Formats a date as <c>DD/MM/YYYY</c> (an older court list spelling).</summary>
    public static string FormatDaySlashMonth(LocalDate date) => DaySlashMonth.Format(date);

    /// <summary>Formats a time as <c>HH:MM</c>.</summary>
    public static string FormatHourMinute(LocalTime time) => HourMinute.Format(time);

    // The common exact spelling YYYY-MM-DD of a real date, read without NodaTime's general pattern machinery; anything
    // else (spaces, other spellings, invalid dates) is left to the pattern, which decides (docs/benchmarks.md "Planning").
    private static bool TryParsePlainIso(string? text, out LocalDate date)
    {
        date = default;
        if (text is not { Length: 10 } || text[4] != '-' || text[7] != '-'
            || !TryDigits(text.AsSpan(0, 4), out var year) || !TryDigits(text.AsSpan(5, 2), out var month) || !TryDigits(text.AsSpan(8, 2), out var day)
            || year < 1 || month is < 1 or > 12 || day < 1 || day > CalendarSystem.Iso.GetDaysInMonth(year, month))
        {
            return false;
        }

        date = new LocalDate(year, month, day);
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<char> digits, out int value)
    {
        value = 0;
        foreach (var c in digits)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }

    private static bool TryParse<T>(IPattern<T> pattern, string? text, out T value)
    {
        value = default!;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var result = pattern.Parse(text.Trim());
        if (!result.Success)
        {
            return false;
        }

        value = result.Value;
        return true;
    }

    /// <summary>Culture-free integer formatting for messages.</summary>
    internal static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
