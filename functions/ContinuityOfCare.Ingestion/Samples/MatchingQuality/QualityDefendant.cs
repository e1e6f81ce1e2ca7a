using ContinuityOfCare.Core.Inputs;

namespace ContinuityOfCare.Ingestion.Samples.MatchingQuality;

/// <summary>A generated defendant with the truth about them.</summary>
/// <param name="Person">What the court list says.</param>
/// <param name="ClientId">The client they are, or null for a stranger.</param>
/// <param name="Variant">How the list's particulars differ from the register's.</param>
public sealed record QualityDefendant(PersonParticulars Person, string? ClientId, MatchingVariant Variant);
