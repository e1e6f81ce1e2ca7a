using ContinuityOfCare.Core.Clients;

namespace ContinuityOfCare.Core.Matching;

/// <summary>A client a person possibly is, with why (docs/plan.md "What is held"). The reason holds no personal data.</summary>
/// <param name="Client">The candidate client.</param>
/// <param name="Reason">Why the match is only possible, e.g. "date of birth day and month swapped".</param>
/// <param name="Weight">The match weight and its parts, so a reviewer sees why the record was held.</param>
public sealed record MatchCandidate(Client Client, string Reason, MatchWeight Weight);
