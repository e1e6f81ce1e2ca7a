using NodaTime;

namespace ContinuityOfCare.Ingestion.Common;

/// <summary>
/// Span checks that recognise the plain, already-canonical spelling of a CSV cell (UTF-8 bytes as CsvHelper hands them
/// over) without allocating. Each check answers only "certainly this value"; anything else — non-ASCII, odd spacing,
/// another date spelling, an invalid value — returns false and the parser takes its general string path, which
/// produces exactly the same record, rejection or warning as before (docs/benchmarks.md "Planning").
/// </summary>
internal static class PlainCells
{
    /// <summary>
    /// Printable ASCII with no leading, trailing or doubled space: text that <see cref="RecordProblems.Clean"/> would
    /// return unchanged. The empty cell is not plain.
    /// </summary>
    public static bool IsPlainText(ReadOnlySpan<byte> cell)
    {
        if (cell.IsEmpty || cell[0] == (byte)' ' || cell[^1] == (byte)' ')
        {
            return false;
        }

        var previous = (byte)0;
        foreach (var b in cell)
        {
            if (b is < 0x20 or > 0x7E || (b == (byte)' ' && previous == (byte)' '))
            {
                return false;
            }

            previous = b;
        }

        return true;
    }

    /// <summary>Plain text (see <see cref="IsPlainText"/>) with no lower-case ASCII letter: unchanged by <c>ToUpperInvariant</c>.</summary>
    public static bool IsPlainUpperText(ReadOnlySpan<byte> cell) => IsPlainText(cell) && !cell.ContainsAnyInRange((byte)'a', (byte)'z');

    /// <summary>Exactly <c>YYYY-MM-DD</c> naming a real date from year 1 to 9999, as <see cref="InputDates.TryParseIsoDate"/> reads it.</summary>
    public static bool TryParseIsoDate(ReadOnlySpan<byte> cell, out LocalDate date)
    {
        date = default;
        if (cell.Length != 10 || cell[4] != (byte)'-' || cell[7] != (byte)'-'
            || !TryDigits(cell[..4], out var year) || !TryDigits(cell.Slice(5, 2), out var month) || !TryDigits(cell.Slice(8, 2), out var day)
            || year < 1 || month is < 1 or > 12 || day < 1 || day > CalendarSystem.Iso.GetDaysInMonth(year, month))
        {
            return false;
        }

        date = new LocalDate(year, month, day);
        return true;
    }

    /// <summary>True when the cell is ASCII and equal to <paramref name="upperCase"/> ignoring ASCII case.</summary>
    public static bool EqualsIgnoreAsciiCase(ReadOnlySpan<byte> cell, ReadOnlySpan<byte> upperCase) =>
        System.Text.Ascii.EqualsIgnoreCase(cell, upperCase);

    /// <summary>Parses a run of ASCII digits (no sign, no spaces).</summary>
    public static bool TryDigits(ReadOnlySpan<byte> digits, out int value)
    {
        value = 0;
        if (digits.IsEmpty)
        {
            return false;
        }

        foreach (var b in digits)
        {
            var digit = b - (byte)'0';
            if ((uint)digit > 9)
            {
                return false;
            }

            value = (value * 10) + digit;
        }

        return true;
    }
}
