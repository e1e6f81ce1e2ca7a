using ContinuityOfCare.Hub.Api;
using ContinuityOfCare.Hub.State;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace ContinuityOfCare.Hub.Endpoints.PossibleMatchDecide;

/// <summary>
/// <c>POST /api/possible-matches/{id}/confirm</c> and <c>…/reject</c> with <c>{by}</c> (docs/domain.md "Matching" step 3:
/// a person confirms or rejects; a confirmation routes the held record through <see cref="IPossibleMatchRouter"/>).
/// Idempotent: repeating a decision answers 200 <c>alreadyConfirmed</c>/<c>alreadyRejected</c> (a repeated
/// confirmation routes again, which is safe: routing is insert-if-absent); the opposite decision is 409.
/// </summary>
public sealed class PossibleMatchDecideEndpoint(
    PossibleMatchStore matches,
    AuditStore audit,
    IPossibleMatchRouter router,
    IClock clock,
    ILogger<PossibleMatchDecideEndpoint> logger) : ApiEndpoint(logger)
{
    /// <summary>The function name.</summary>
    public const string Name = "PossibleMatchDecide";

    /// <inheritdoc />
    protected override async Task<HttpResponseOutput> HandleAsync(HttpTriggerInput request, CancellationToken cancellationToken)
    {
        var id = ApiRequest.Route(request, "id");
        var decision = ApiRequest.Route(request, "decision");
        var confirm = decision.Equals("confirm", StringComparison.Ordinal);
        if (!confirm && !decision.Equals("reject", StringComparison.Ordinal))
        {
            throw new ApiProblemException(ApiProblem.NotFound("The decision must be 'confirm' or 'reject'."));
        }

        var body = ApiRequest.Body<DecisionRequest>(request);
        if (string.IsNullOrWhiteSpace(body.By) || body.By.Length > 100 || body.By.Any(char.IsControl))
        {
            throw new ApiProblemException(ApiProblem.BadRequest("'by' is required: who decided (at most 100 characters)."));
        }


        var by = body.By.Trim();
        var now = clock.GetCurrentInstant();
        var (outcome, match) = confirm
            ? await matches.ConfirmAsync(id, by, now, cancellationToken).ConfigureAwait(false)
            : await matches.RejectAsync(id, by, now, cancellationToken).ConfigureAwait(false);
        switch (outcome)
        {
            case ChangeOutcome.NotFound:
                return ApiProblem.NotFound($"There is no possible match with id '{id}'.").ToResponse();
            case ChangeOutcome.Refused:
                return ApiProblem.Conflict($"The possible match '{id}' was already {match?.Status.ToString().ToLowerInvariant()}; it cannot be {decision}ed.").ToResponse();
        }

        await audit.AppendAsync(
            new AuditEntry($"possible-match:{id}", match!.DecidedAt ?? now, match.DecidedBy ?? by, $"possible-match.{match.Status.ToString().ToLowerInvariant()}", "possible-match", id),
            cancellationToken).ConfigureAwait(false);
        if (confirm)
        {
            await router.RouteConfirmedAsync(match, cancellationToken).ConfigureAwait(false);
        }

        var name = (confirm, outcome == ChangeOutcome.Applied) switch
        {
            (true, true) => "confirmed",
            (true, false) => "alreadyConfirmed",
            (false, true) => "rejected",
            _ => "alreadyRejected",
        };
        return ApiJson.Response(new DecisionResult(name, confirm, PossibleMatchView.From(match)));
    }
}
