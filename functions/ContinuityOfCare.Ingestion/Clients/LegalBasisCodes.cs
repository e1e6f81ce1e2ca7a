using ContinuityOfCare.Core.Clients;

namespace ContinuityOfCare.Ingestion.Clients;

/// <summary>The CSV spellings of <see cref="LegalBasis"/> (formats.md §5 <c>legal_basis</c>; 000 Annex A (1), 003 §2.3–2.5).</summary>
public static class LegalBasisCodes
{
    /// <summary>Every accepted spelling.</summary>
    public static IReadOnlyList<string> All { get; } = ["RA", "ROB", "RISK"];

    /// <summary>Parses <c>RA</c>, <c>ROB</c> or <c>RISK</c> (case-insensitive).</summary>
    public static bool TryParse(string? text, out LegalBasis basis)
    {
        switch (text?.Trim().ToUpperInvariant())
        {
            case "RA": basis = LegalBasis.RequiredAssessment; return true;
            case "ROB": basis = LegalBasis.RestrictionOnBail; return true;
            case "RISK": basis = LegalBasis.RiskOfHarm; return true;
            default: basis = default; return false;
        }
    }

    /// <summary>The CSV spelling of a legal basis.</summary>
    public static string ToCode(this LegalBasis basis) => basis switch
    {
        LegalBasis.RequiredAssessment => "RA",
        LegalBasis.RestrictionOnBail => "ROB",
        LegalBasis.RiskOfHarm => "RISK",
        _ => throw new ArgumentOutOfRangeException(nameof(basis), basis, "unknown legal basis"),
    };
}
