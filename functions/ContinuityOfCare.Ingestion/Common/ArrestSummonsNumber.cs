using System.Text.RegularExpressions;

namespace ContinuityOfCare.Ingestion.Common;

/// <summary>
/// Arrest/Summons Number well-formedness (docs/formats.md "Common rules": the ASN is validated). Only a shape check, since the hub never matches on
/// an ASN: separators (spaces, <c>/</c>, <c>-</c>) removed, upper case, then 16–20 letters and digits starting with a
/// two-digit year and ending with a letter (the check character, not verified), e.g. <c>26/01ZD/01/0000448754K</c>
/// → <c>2601ZD010000448754K</c>.
/// </summary>
public static partial class ArrestSummonsNumber
{
    /// <summary>Normalises an ASN; false (with a reason that never repeats the input) when it is not well-formed.</summary>
    public static bool TryNormalise(string? text, out string asn, out string? error)
    {
        asn = string.Empty;
        var compact = Separators().Replace(text ?? string.Empty, string.Empty).ToUpperInvariant();
        if (!Shape().IsMatch(compact))
        {
            error = "ASN is not 16–20 letters and digits starting with a two-digit year and ending with a check letter";
            return false;
        }

        asn = compact;
        error = null;
        return true;
    }

    [GeneratedRegex(@"[\s/\-]+", RegexOptions.CultureInvariant)]
    private static partial Regex Separators();

    [GeneratedRegex("^[0-9]{2}[A-Z0-9]{13,17}[A-Z]$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
