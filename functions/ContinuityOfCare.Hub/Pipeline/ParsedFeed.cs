using ContinuityOfCare.Core.Inputs;

namespace ContinuityOfCare.Hub.Pipeline;

/// <summary>What one feed file (court list, court results, discharge export) parsed to.</summary>
/// <param name="CourtListings">Court list defendants.</param>
/// <param name="CourtResults">Court results.</param>
/// <param name="Discharges">Discharge movements.</param>
/// <param name="Rejections">Rejected records (in file order), then warnings.</param>
/// <param name="FileRejection">Set when the whole file was refused (one reason).</param>
public sealed record ParsedFeed(
    IReadOnlyList<CourtListing> CourtListings,
    IReadOnlyList<CourtResult> CourtResults,
    IReadOnlyList<DischargeMovement> Discharges,
    IReadOnlyList<Rejection> Rejections,
    Rejection? FileRejection)
{
    /// <summary>Records parsed and usable.</summary>
    public int RecordCount => CourtListings.Count + CourtResults.Count + Discharges.Count;

    /// <summary>Records rejected (warnings not counted: their records were used).</summary>
    public int RejectedCount => Rejections.Count(r => !r.IsWarning);
}
