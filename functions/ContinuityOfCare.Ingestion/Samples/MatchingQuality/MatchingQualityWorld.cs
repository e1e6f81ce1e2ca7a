using ContinuityOfCare.Core.Clients;

namespace ContinuityOfCare.Ingestion.Samples.MatchingQuality;

/// <summary>A register and a court list's defendants with ground truth (docs/benchmarks.md "Matching quality").</summary>
/// <param name="Clients">The register.</param>
/// <param name="Defendants">The listed defendants, clients and strangers.</param>
/// <param name="StrangersRedrawn">
/// Strangers drawn with a client's surname, first forename and date of birth and drawn again: such a person is, by the
/// match rules, the client (docs/plan.md "Match rules"), so no measurement can tell them apart.
/// </param>
public sealed record MatchingQualityWorld(IReadOnlyList<Client> Clients, IReadOnlyList<QualityDefendant> Defendants, int StrangersRedrawn);
