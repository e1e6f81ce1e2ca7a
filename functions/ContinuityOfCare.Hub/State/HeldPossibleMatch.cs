using System.Security.Cryptography;
using System.Text;
using ContinuityOfCare.Core.Inputs;
using ContinuityOfCare.Core.Matching;
using NodaTime;

namespace ContinuityOfCare.Hub.State;

/// <summary>A possible match held for a person (docs/api.md <c>GET /api/possible-matches</c>, confirm/reject).</summary>
/// <param name="Id">Deterministic (<see cref="IdFor"/>): the same record and candidate are held once.</param>
/// <param name="ClientId">The candidate client.</param>
/// <param name="Source">The record.</param>
/// <param name="Reason">Why only possible (no personal data).</param>
/// <param name="Payload">What the route step needs to route the record once confirmed (opaque to the store; JSON).</param>
/// <param name="Status">Held, confirmed or rejected.</param>
/// <param name="HeldAt">When it was held.</param>
/// <param name="DecidedAt">When a person decided.</param>
/// <param name="Weight">The match weight and its parts that held it (docs/plan.md "Match weight"), so a reviewer sees why.</param>
/// <param name="DecidedBy">Who decided.</param>
/// <param name="OwningTeam">The org code of the team that owns the candidate client (the planner's POSSIBLE_MATCH task
/// owner): the team that may see the match beside the operator. Absent on a match held before the column existed until
/// the start-up backfill (<c>Upgrade/PossibleMatchOwnerBackfill</c>) sets it; null while it is, and for a match whose
/// client has left the register: only the operator sees those.</param>
public sealed record HeldPossibleMatch(
    string Id,
    string ClientId,
    SourceRef Source,
    string Reason,
    string Payload,
    PossibleMatchStatus Status,
    Instant HeldAt,
    Instant? DecidedAt = null,
    string? DecidedBy = null,
    MatchWeight? Weight = null,
    string? OwningTeam = null)
{
    /// <summary>The id for the record at <paramref name="source"/> of the file <paramref name="sourceIdentity"/> (its SHA-256) and candidate <paramref name="clientId"/>.</summary>
    public static string IdFor(string sourceIdentity, SourceRef source, string clientId)
    {
        ArgumentNullException.ThrowIfNull(source);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            $"possible-match\n{sourceIdentity}\n{source.Line}\n{source.JsonPath}\n{clientId}")).AsSpan(0, 16));
    }
}
