using System.Text.RegularExpressions;

namespace ContinuityOfCare.Ingestion.Common;

/// <summary>Shapes of the organisation codes the inputs carry.</summary>
public static partial class CodeShapes
{
    /// <summary>A NOMIS prison (agency) code: three letters, e.g. <c>LEI</c>.</summary>
    public static bool IsPrisonCode(string? code) => code is not null && PrisonCode().IsMatch(code);

    /// <summary>A court code: 3–10 letters and digits (OU codes such as <c>B13HT</c>; Crown court numbers such as <c>404</c>).</summary>
    public static bool IsCourtCode(string? code) => code is not null && CourtCode().IsMatch(code);

    [GeneratedRegex("^[A-Z]{3}$", RegexOptions.CultureInvariant)]
    private static partial Regex PrisonCode();

    [GeneratedRegex("^[A-Z0-9]{3,10}$", RegexOptions.CultureInvariant)]
    private static partial Regex CourtCode();
}
