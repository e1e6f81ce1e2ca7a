using ContinuityOfCare.Core.Inputs;
using ContinuityOfCare.Core.Matching;

namespace ContinuityOfCare.Core.Planning;

/// <summary>A record that possibly concerns a client (docs/plan.md "What is held"): held, never routed.</summary>
/// <param name="Source">The record.</param>
/// <param name="ClientId">The candidate client.</param>
/// <param name="Reason">Why only possible.</param>
/// <param name="Weight">The match weight and its parts (docs/plan.md "Match weight"), when it was computed.</param>
/// <param name="OwningTeam">The org code of the team that owns the candidate client — the team given the POSSIBLE_MATCH
/// task, and the one team (besides the operator) that may see the held match; null when not known.</param>
public sealed record PossibleMatch(SourceRef Source, string ClientId, string Reason, MatchWeight? Weight = null, string? OwningTeam = null);
