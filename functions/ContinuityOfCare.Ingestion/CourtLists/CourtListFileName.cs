using System.Text.RegularExpressions;

namespace ContinuityOfCare.Ingestion.CourtLists;

/// <summary>
/// The court-code sidecar convention for court list files (formats.md §1: HMCTS identify the court by the upload's
/// court id, which is not in the JSON): <c>&lt;COURTCODE&gt;__&lt;anything&gt;.json</c>, e.g.
/// <c>B01LY__2026-11-23.json</c> → <c>B01LY</c>. The code is 3–10 letters and digits, then two underscores.
/// </summary>
public static partial class CourtListFileName
{
    /// <summary>The court code a file name carries, upper-cased; false when the name does not follow the convention.</summary>
    public static bool TryGetCourtCode(string? fileName, out string courtCode)
    {
        courtCode = string.Empty;
        var match = Convention().Match(Path.GetFileName(fileName ?? string.Empty));
        if (!match.Success)
        {
            return false;
        }

        courtCode = match.Groups["code"].Value.ToUpperInvariant();
        return true;
    }

    /// <summary>The file name the convention gives a court's list, e.g. <c>B01LY__2026-11-23.json</c>.</summary>
    public static string For(string courtCode, string rest) => $"{courtCode.ToUpperInvariant()}__{rest}.json";

    [GeneratedRegex("^(?<code>[A-Za-z0-9]{3,10})__.+$", RegexOptions.CultureInvariant)]
    private static partial Regex Convention();
}
