using ContinuityOfCare.Hub.Obligations;
using ContinuityOfCare.Hub.State;
using NodaTime;

namespace ContinuityOfCare.Hub.Api;

/// <summary>
/// Fulfils an obligation for a person (API or signed link) and records it in the audit trail (docs/domain.md "Obligations
/// and their deadlines": fulfilment comes from a person acknowledging it, by signed link or API). Idempotent by
/// obligation id: the first fulfilment stands, a repeat changes nothing and is audited once.
/// </summary>
public sealed class ObligationFulfilment(ObligationStore obligations, AuditStore audit, IObligationEvents orchestrations)
{
    /// <summary>The audit action recorded for a fulfilment.</summary>
    public const string AuditAction = "obligation.fulfilled";

    /// <summary>
    /// Fulfils <paramref name="obligationId"/> at <paramref name="at"/> (on time when at or before due, else late) by
    /// <paramref name="by"/> through <paramref name="channel"/> (<c>api</c> or <c>ack-link</c>).
    /// </summary>
    /// <exception cref="Azure.RequestFailedException">Storage failed (nothing is half done: retrying is safe).</exception>
    public async Task<ObligationChange> FulfilAsync(string obligationId, Instant at, string by, string? note, string channel, CancellationToken cancellationToken)
    {
        var change = await obligations.FulfilAsync(obligationId, at, by, note, cancellationToken).ConfigureAwait(false);
        if (change.Outcome is ChangeOutcome.Applied or ChangeOutcome.AlreadyApplied && change.Obligation is { } stored)
        {
            // Deterministic id: a retried request after a lost answer records the fulfilment once.
            await audit.AppendAsync(
                new AuditEntry($"fulfil:{obligationId}", stored.Obligation.ClosedAt ?? at, stored.ClosedBy ?? by, AuditAction, "obligation", obligationId,
                    $"{stored.Obligation.State} via {channel}"),
                cancellationToken).ConfigureAwait(false);

            // The table first (the answer the caller gets), then the orchestration: its ladder stops. A repeat raises
            // again, which the orchestration ignores once it has ended — and which repairs a raise lost to a crash.
            await orchestrations.RaiseFulfilledAsync(obligationId,
                new ObligationFulfilled((stored.Obligation.ClosedAt ?? at).ToDateTimeOffset(), stored.ClosedBy ?? by, channel), cancellationToken).ConfigureAwait(false);
        }

        return change;
    }
}
