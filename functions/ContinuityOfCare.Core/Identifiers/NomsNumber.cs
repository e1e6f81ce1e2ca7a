using System.Text.RegularExpressions;

namespace ContinuityOfCare.Core.Identifiers;

/// <summary>A NOMIS prisoner number, e.g. <c>A1234BC</c> (docs/domain.md "Matching": <c>^[A-Z]\d{4}[A-Z]{2}$</c>).</summary>
public readonly partial record struct NomsNumber
{
    private NomsNumber(string value) => Value = value;

    /// <summary>The canonical (upper-case) form.</summary>
    public string Value { get; }

    /// <summary>Parses a NOMS number, tolerating surrounding spaces and lower case.</summary>
    /// <returns>false with a reason that never repeats the input (it is personal data).</returns>
    public static bool TryParse(string? text, out NomsNumber noms, out string? error)
    {
        noms = default;
        var candidate = text?.Trim().ToUpperInvariant() ?? string.Empty;
        if (!Pattern().IsMatch(candidate))
        {
            error = "NOMS number is not of the form A1234BC";
            return false;
        }

        noms = new NomsNumber(candidate);
        error = null;
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => Value;

    [GeneratedRegex("^[A-Z][0-9]{4}[A-Z]{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
