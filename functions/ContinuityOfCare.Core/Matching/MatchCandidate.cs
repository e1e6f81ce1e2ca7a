using ContinuityOfCare.Core.Clients;

namespace ContinuityOfCare.Core.Matching;

/// <summary>A client a person possibly is, with why (docs/domain.md "Matching" step 3). The reason holds no personal data.</summary>
/// <param name="Client">The candidate client.</param>
/// <param name="Reason">Why the match is only possible, e.g. "date of birth day and month swapped".</param>
public sealed record MatchCandidate(Client Client, string Reason);
