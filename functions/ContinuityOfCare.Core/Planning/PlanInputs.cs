using ContinuityOfCare.Core.Inputs;

namespace ContinuityOfCare.Core.Planning;

/// <summary>The parsed input records of one plan. Order does not matter: the planner sorts them.</summary>
/// <param name="CourtListings">Court list defendants.</param>
/// <param name="CourtResults">Court result rows.</param>
/// <param name="Discharges">Discharge export rows.</param>
/// <param name="Rejections">What the parsers rejected or warned about (reported in the plan as they are).</param>
/// <param name="SourceIdentities">
/// File name → identity (the SHA-256 of its bytes) used in event ids, so that a re-delivered file gives the same ids
/// under any name; a file without an entry is identified by its name.
/// </param>
/// <param name="CourtCodes">
/// File name → court code given with the file after parsing (an upload's query parameter, blob metadata
/// <c>courtcode</c>): used for that file's listings that carry no court code (docs/plan.md "Court code").
/// </param>
public sealed record PlanInputs(
    IReadOnlyList<CourtListing> CourtListings,
    IReadOnlyList<CourtResult> CourtResults,
    IReadOnlyList<DischargeMovement> Discharges,
    IReadOnlyList<Rejection> Rejections,
    IReadOnlyDictionary<string, string>? SourceIdentities = null,
    IReadOnlyDictionary<string, string>? CourtCodes = null)
{
    /// <summary>No records.</summary>
    public static PlanInputs Empty { get; } = new([], [], [], []);
}
