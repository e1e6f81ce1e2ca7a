using ContinuityOfCare.Core.Clients;

namespace ContinuityOfCare.Core.Matching;

/// <summary>The result of matching one person (docs/plan.md "Matching").</summary>
/// <param name="Kind">Matched, possible, or none.</param>
/// <param name="Client">The matched client when <paramref name="Kind"/> is <see cref="MatchKind.Matched"/>.</param>
/// <param name="Reason">Which rule matched, in words (no personal data), e.g. "exact NOMS number".</param>
/// <param name="Candidates">The possible clients when <paramref name="Kind"/> is <see cref="MatchKind.Possible"/>, ordered by client id.</param>
/// <param name="Rule">The rule that matched, when <paramref name="Kind"/> is <see cref="MatchKind.Matched"/>.</param>
public sealed record MatchResult(MatchKind Kind, Client? Client, string Reason, IReadOnlyList<MatchCandidate> Candidates, MatchRule? Rule = null)
{
    /// <summary>No client matched.</summary>
    public static MatchResult None { get; } = new(MatchKind.None, null, "no client matched", []);

    /// <summary>A definite match by <paramref name="rule"/>.</summary>
    public static MatchResult Match(Client client, MatchRule rule, string reason) => new(MatchKind.Matched, client, reason, [], rule);
}
