using ContinuityOfCare.Core.Clients;

namespace ContinuityOfCare.Core.Matching;

/// <summary>The result of matching one person (docs/domain.md "Matching").</summary>
/// <param name="Kind">Matched, possible, or none.</param>
/// <param name="Client">The matched client when <paramref name="Kind"/> is <see cref="MatchKind.Matched"/>.</param>
/// <param name="Reason">Which cascade step matched (no personal data), e.g. "exact NOMS number".</param>
/// <param name="Candidates">The possible clients when <paramref name="Kind"/> is <see cref="MatchKind.Possible"/>, ordered by client id.</param>
public sealed record MatchResult(MatchKind Kind, Client? Client, string Reason, IReadOnlyList<MatchCandidate> Candidates)
{
    /// <summary>No client matched.</summary>
    public static MatchResult None { get; } = new(MatchKind.None, null, "no client matched", []);

    /// <summary>A definite match.</summary>
    public static MatchResult Match(Client client, string reason) => new(MatchKind.Matched, client, reason, []);
}
