using System.Globalization;
using System.Text.RegularExpressions;

namespace ContinuityOfCare.Core.Identifiers;

/// <summary>
/// A Police National Computer id in its canonical long form <c>YYYY/NNNNNNNC</c>.
/// docs/domain.md "Matching": the short form <c>YY/NNNNNNNC</c> is accepted and canonicalised (years 39–99 are 19xx,
/// 00–38 are 20xx); leading zeros of the serial may be omitted; the check character must be valid.
/// </summary>
public readonly partial record struct PncId
{
    private PncId(string value) => Value = value;

    /// <summary>The canonical long form, e.g. <c>2004/0046583U</c>.</summary>
    public string Value { get; }

    /// <summary>Parses a PNC id in long or short form.</summary>
    /// <returns>false with a reason that never repeats the input.</returns>
    public static bool TryParse(string? text, out PncId pnc, out string? error)
    {
        pnc = default;
        var match = Pattern().Match(text?.Trim().ToUpperInvariant() ?? string.Empty);
        if (!match.Success)
        {
            error = "PNC id is not of the form YYYY/NNNNNNNC or YY/NNNNNNNC";
            return false;
        }

        var yearText = match.Groups["year"].Value;
        var year = int.Parse(yearText, CultureInfo.InvariantCulture);
        if (yearText.Length == 2)
        {
            year += year >= 39 ? 1900 : 2000;
        }

        var serial = long.Parse(match.Groups["serial"].Value, CultureInfo.InvariantCulture);
        var check = match.Groups["check"].Value[0];
        if (PoliceCheckCharacter.For(year % 100, serial) != check)
        {
            error = "PNC id check character is wrong";
            return false;
        }

        pnc = new PncId(string.Create(CultureInfo.InvariantCulture, $"{year:0000}/{serial:0000000}{check}"));
        error = null;
        return true;
    }

    /// <summary>Builds a valid PNC id (used by the sample generator and tests).</summary>
    public static PncId Create(int year, long serial)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1939);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 2038);
        ArgumentOutOfRangeException.ThrowIfNegative(serial);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(serial, 9_999_999L);
        var check = PoliceCheckCharacter.For(year % 100, serial);
        return new PncId(string.Create(CultureInfo.InvariantCulture, $"{year:0000}/{serial:0000000}{check}"));
    }

    /// <inheritdoc />
    public override string ToString() => Value;

    [GeneratedRegex(@"^(?<year>\d{4}|\d{2})/(?<serial>\d{1,7})(?<check>[A-Z])$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
