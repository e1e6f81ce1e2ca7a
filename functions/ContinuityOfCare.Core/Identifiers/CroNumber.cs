using System.Globalization;
using System.Text.RegularExpressions;

namespace ContinuityOfCare.Core.Identifiers;

/// <summary>
/// A Criminal Records Office number <c>NNNNNN/YYC</c>, with the same check character as the PNC id
/// (docs/domain.md "Matching").
/// </summary>
public readonly partial record struct CroNumber
{
    private CroNumber(string value) => Value = value;

    /// <summary>The canonical form, e.g. <c>012345/99Z</c>.</summary>
    public string Value { get; }

    /// <summary>Parses a CRO number.</summary>
    /// <returns>false with a reason that never repeats the input.</returns>
    public static bool TryParse(string? text, out CroNumber cro, out string? error)
    {
        cro = default;
        var match = Pattern().Match(text?.Trim().ToUpperInvariant() ?? string.Empty);
        if (!match.Success)
        {
            error = "CRO number is not of the form NNNNNN/YYC";
            return false;
        }

        var serial = long.Parse(match.Groups["serial"].Value, CultureInfo.InvariantCulture);
        var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        var check = match.Groups["check"].Value[0];
        if (PoliceCheckCharacter.For(year, serial) != check)
        {
            error = "CRO number check character is wrong";
            return false;
        }

        cro = new CroNumber(string.Create(CultureInfo.InvariantCulture, $"{serial:000000}/{year:00}{check}"));
        error = null;
        return true;
    }

    /// <summary>Builds a valid CRO number (used by the sample generator and tests).</summary>
    public static CroNumber Create(int twoDigitYear, long serial)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(twoDigitYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(twoDigitYear, 99);
        ArgumentOutOfRangeException.ThrowIfNegative(serial);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(serial, 999_999L);
        var check = PoliceCheckCharacter.For(twoDigitYear, serial);
        return new CroNumber(string.Create(CultureInfo.InvariantCulture, $"{serial:000000}/{twoDigitYear:00}{check}"));
    }

    /// <inheritdoc />
    public override string ToString() => Value;

    [GeneratedRegex(@"^(?<serial>\d{1,6})/(?<year>\d{2})(?<check>[A-Z])$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
