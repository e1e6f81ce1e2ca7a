using ContinuityOfCare.Core.Inputs;

namespace ContinuityOfCare.Core.Planning;

/// <summary>A record that possibly concerns a client (docs/domain.md "Matching" step 3): held, never routed.</summary>
/// <param name="Source">The record.</param>
/// <param name="ClientId">The candidate client.</param>
/// <param name="Reason">Why only possible.</param>
public sealed record PossibleMatch(SourceRef Source, string ClientId, string Reason);
