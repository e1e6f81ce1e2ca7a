using ContinuityOfCare.Hub.Api;
using ContinuityOfCare.Hub.Obligations;
using Microsoft.Extensions.Logging;

namespace ContinuityOfCare.Hub.Endpoints.ObligationsReconcile;

/// <summary>
/// <c>POST /api/obligations/reconcile[?dryRun=true]</c>: the daily reconciliation on demand (<see cref="ObligationReconciler"/>),
/// for <c>coc obligations reconcile</c>: how many open obligations were checked, the ids of those without an
/// orchestration, and how many were started (none in a dry run).
/// </summary>
public sealed class ObligationsReconcileEndpoint(ObligationReconciler reconciler, ILogger<ObligationsReconcileEndpoint> logger) : ApiEndpoint(logger)
{
    /// <summary>The function name.</summary>
    public const string Name = "ObligationsReconcile";

    /// <inheritdoc />
    protected override async Task<HttpResponseOutput> HandleAsync(HttpTriggerInput request, CancellationToken cancellationToken)
    {
        var dryRun = ApiRequest.Text(request, "dryRun", maxLength: 5) is { } text
            && (bool.TryParse(text, out var value) ? value : throw new ApiProblemException(ApiProblem.BadRequest("'dryRun' must be true or false.")));
        return ApiJson.Response(await reconciler.ReconcileAsync(dryRun, cancellationToken).ConfigureAwait(false));
    }
}
