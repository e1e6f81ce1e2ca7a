using System.Globalization;
using System.Text;

namespace ContinuityOfCare.Core.Matching;

/// <summary>
/// docs/domain.md "Matching" step 2: names are compared "exactly equal after normalisation (case, accents, hyphens,
/// apostrophes, extra spaces)". Accents are removed by Unicode decomposition (FormD) and dropping the non-spacing
/// marks, with <see cref="LatinFolding"/> for precomposed Latin letters (invariant globalization cannot decompose); hyphens become spaces (Smith-Jones = Smith Jones); apostrophes are removed (O'Brien = OBrien); any other
/// punctuation becomes a space; runs of spaces collapse to one; the result is upper case (invariant culture).
/// </summary>
public static class NameNormaliser
{
    /// <summary>The normalised form of a name, or the empty string for null/blank input.</summary>
    public static string Normalise(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return string.Empty;
        }

        if (TryAsciiFastPath(name) is { } fast)
        {
            return fast;
        }

        var decomposed = name.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark || LatinFolding.IsCombiningMark(c) || IsApostrophe(c))
            {
                continue;
            }

            if (LatinFolding.Fold(c) is { } folded)
            {
                if (pendingSpace && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                pendingSpace = false;
                builder.Append(folded);
            }
            else if (char.IsLetterOrDigit(c))
            {
                if (pendingSpace && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                pendingSpace = false;
                builder.Append(char.ToUpperInvariant(c));
            }
            else
            {
                // Hyphens, whitespace and any other punctuation separate name parts.
                pendingSpace = true;
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>The first letter of the first normalised forename, or null.</summary>
    public static char? Initial(string? forenames)
    {
        var normalised = Normalise(forenames);
        return normalised.Length == 0 ? null : normalised[0];
    }

    /// <summary>
    /// Whether <paramref name="name"/> is in the plain form most names take: ASCII letters in words separated by single
    /// spaces, no leading or trailing space. Its normalised form is then simply the name upper-cased, so callers can skip
    /// the general path (and, with <see cref="System.Text.Ascii.ToUpper(ReadOnlySpan{char}, Span{char}, out int)"/>,
    /// allocate nothing). <paramref name="hasLower"/> says whether upper-casing changes anything.
    /// </summary>
    internal static bool IsPlainAscii(ReadOnlySpan<char> name, out bool hasLower)
    {
        hasLower = false;
        if (name.IsEmpty)
        {
            return false;
        }

        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (c is >= 'a' and <= 'z')
            {
                hasLower = true;
            }
            else if (c == ' ')
            {
                if (i == 0 || i == name.Length - 1 || name[i - 1] == ' ')
                {
                    return false;
                }
            }
            else if (c is < 'A' or > 'Z')
            {
                return false;
            }
        }

        return true;
    }

    // Most names are plain: upper-case them in one allocation (none when already upper case). Anything else (accents,
    // hyphens, apostrophes, extra spaces, digits) takes the general path.
    private static string? TryAsciiFastPath(string name)
    {
        if (!IsPlainAscii(name, out var hasLower))
        {
            return null;
        }

        return hasLower ? string.Create(name.Length, name, static (span, source) => source.AsSpan().ToUpperInvariant(span)) : name;
    }

    private static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u2018' or '`' or '\u00B4' or '\u02BC';
}
