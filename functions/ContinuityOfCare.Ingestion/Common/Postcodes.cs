using System.Text.RegularExpressions;

namespace ContinuityOfCare.Ingestion.Common;

/// <summary>
/// UK postcodes: normalised to upper case with a single space before the inward code (<c>ls62ab</c> →
/// <c>LS6 2AB</c>), and their district (outward code, <c>LS6</c>), which routing matches against a CJIT's
/// <c>postcode_districts</c> (docs/domain.md "Routing": home CJIT by postcode district coverage).
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

    /// <summary>The longest normalised postcode: <c>AA9A 9AA</c>.</summary>
    internal const int MaxNormalisedLength = 8;

    /// <summary>
    /// <see cref="TryNormalise"/> for an ASCII cell, without allocating: writes the normalised postcode into
    /// <paramref name="destination"/> (at least <see cref="MaxNormalisedLength"/> chars). False for a malformed
    /// postcode and for any non-ASCII input (the caller then uses <see cref="TryNormalise"/>, which decides).
    /// </summary>
    internal static bool TryNormaliseAscii(ReadOnlySpan<byte> cell, Span<char> destination, out int length)
    {
        length = 0;
        Span<char> compact = stackalloc char[7];
        var count = 0;
        foreach (var b in cell)
        {
            if (b > 0x7F)
            {
                return false;
            }

            if (char.IsWhiteSpace((char)b))
            {
                continue;
            }

            if (count == compact.Length)
            {
                return false;
            }

            compact[count++] = char.ToUpperInvariant((char)b);
        }

        // Shape(): the inward code is the last three characters (9AA); the outward code is everything before it.
        if (count < 5 || !IsOutward(compact[..(count - 3)]) || !char.IsAsciiDigit(compact[count - 3])
            || !char.IsAsciiLetterUpper(compact[count - 2]) || !char.IsAsciiLetterUpper(compact[count - 1]))
        {
            return false;
        }

        compact[..(count - 3)].CopyTo(destination);
        destination[count - 3] = ' ';
        compact[(count - 3)..count].CopyTo(destination[(count - 2)..]);
        length = count + 1;
        return true;
    }

    // Outward(): A9, A99, A9A, AA9, AA99, AA9A.
    private static bool IsOutward(ReadOnlySpan<char> outward) => outward.Length switch
    {
        2 => char.IsAsciiLetterUpper(outward[0]) && char.IsAsciiDigit(outward[1]),
        3 => char.IsAsciiLetterUpper(outward[0])
            && ((char.IsAsciiDigit(outward[1]) && IsDigitOrUpper(outward[2])) || (char.IsAsciiLetterUpper(outward[1]) && char.IsAsciiDigit(outward[2]))),
        4 => char.IsAsciiLetterUpper(outward[0]) && char.IsAsciiLetterUpper(outward[1]) && char.IsAsciiDigit(outward[2]) && IsDigitOrUpper(outward[3]),
        _ => false,
    };

    private static bool IsDigitOrUpper(char c) => char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c);

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
