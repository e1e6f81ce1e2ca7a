using System.Security.Cryptography;
using System.Text;
using NodaTime;

namespace ContinuityOfCare.Hub.State;

/// <summary>A task for a person (docs/pipeline.md "Route": tasks persisted idempotently). Codes, ids and reasons only — no personal data.</summary>
/// <param name="Id">Deterministic (<see cref="IdFor"/>), so a redelivered route adds the same task once.</param>
/// <param name="Kind">One of <see cref="HubTaskKinds"/>.</param>
/// <param name="Owner">The org code of the team that must act, or <c>OPERATOR</c>.</param>
/// <param name="ClientId">The client concerned, or null for operator work about no client.</param>
/// <param name="Reason">Why (names org types, codes and rules).</param>
/// <param name="EventId">The event concerned, when there is one.</param>
/// <param name="Status">Open or resolved.</param>
/// <param name="CreatedAt">When it was first added.</param>
/// <param name="ResolvedAt">When it was resolved.</param>
/// <param name="ResolvedBy">Who resolved it.</param>
public sealed record HubTask(
    string Id,
    string Kind,
    string Owner,
    string? ClientId,
    string Reason,
    string? EventId,
    HubTaskStatus Status,
    Instant CreatedAt,
    Instant? ResolvedAt = null,
    string? ResolvedBy = null)
{
    /// <summary>The deterministic id of a task: the first 32 hex digits of a SHA-256 of its identifying fields.</summary>
    public static string IdFor(string kind, string owner, string? clientId, string? eventId, string reason) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"task\n{kind}\n{owner}\n{clientId}\n{eventId}\n{reason}")).AsSpan(0, 16));
}
