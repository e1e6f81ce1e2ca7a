using ContinuityOfCare.Core.Inputs;
using ContinuityOfCare.Core.Matching;

namespace ContinuityOfCare.Core.Planning;

/// <summary>A record matched to a client, with the rule that matched it (docs/plan.md "Match rules").</summary>
/// <param name="Source">The record.</param>
/// <param name="ClientId">The matched client.</param>
/// <param name="Rule">Which rule matched.</param>
/// <param name="Reason">The rule in words (no personal data).</param>
public sealed record PlanMatch(SourceRef Source, string ClientId, MatchRule Rule, string Reason);
