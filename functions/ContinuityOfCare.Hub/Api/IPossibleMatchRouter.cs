using ContinuityOfCare.Hub.State;

namespace ContinuityOfCare.Hub.Api;

/// <summary>
/// Routes the held record of a possible match a person confirmed (docs/api.md
/// "`POST /api/possible-matches/{id}/confirm` and `…/reject`"; docs/domain.md "Matching" step 3: never routed automatically). Implemented by the pipeline: it routes
/// <see cref="HeldPossibleMatch.Payload"/> with the record matched to <see cref="HeldPossibleMatch.ClientId"/>.
/// Must be idempotent: <c>POST …/confirm</c> calls it again when a confirmation is repeated (e.g. after the first
/// call failed midway), and every effect of routing is insert-if-absent.
/// </summary>
public interface IPossibleMatchRouter
{
    /// <summary>Routes the confirmed match's record for its client.</summary>
    Task RouteConfirmedAsync(HeldPossibleMatch match, CancellationToken cancellationToken);
}
