using System.Text.RegularExpressions;

namespace ContinuityOfCare.Ingestion.Common;

/// <summary>
/// UK postcodes: normalised to upper case with a single space before the inward code (<c>ls62ab</c> →
/// <c>LS6 2AB</c>), and their district (outward code, <c>LS6</c>), which routing matches against a CJIT's
/// <c>postcode_districts</c> (domain.md "Routing": home CJIT by postcode district coverage).
/// </summary>
public static partial class Postcodes
{
    /// <summary>Normalises a postcode; false when it is not a well-formed UK postcode.</summary>
    public static bool TryNormalise(string? text, out string postcode)
    {
        postcode = string.Empty;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var compact = WhiteSpace().Replace(text, string.Empty).ToUpperInvariant();
        var match = Shape().Match(compact);
        if (!match.Success)
        {
            return false;
        }

        postcode = match.Groups["outward"].Value + " " + match.Groups["inward"].Value;
        return true;
    }

    /// <summary>The district (outward code) of a postcode or of a bare district, e.g. "LS6 2AB" → "LS6"; null when malformed.</summary>
    public static string? District(string? postcodeOrDistrict)
    {
        if (TryNormalise(postcodeOrDistrict, out var postcode))
        {
            return postcode[..postcode.IndexOf(' ', StringComparison.Ordinal)];
        }

        var compact = postcodeOrDistrict is null ? string.Empty : WhiteSpace().Replace(postcodeOrDistrict, string.Empty).ToUpperInvariant();
        return Outward().IsMatch(compact) ? compact : null;
    }

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex WhiteSpace();

    // Outward code: A9, A99, AA9, AA99, A9A, AA9A; inward code: 9AA.
    [GeneratedRegex("^(?<outward>[A-Z]{1,2}[0-9][0-9A-Z]?)(?<inward>[0-9][A-Z]{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();

    [GeneratedRegex("^[A-Z]{1,2}[0-9][0-9A-Z]?$", RegexOptions.CultureInvariant)]
    private static partial Regex Outward();
}
