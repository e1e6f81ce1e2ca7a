using ContinuityOfCare.Hub.Api;
using ContinuityOfCare.Hub.State;
using Microsoft.Extensions.Logging;

namespace ContinuityOfCare.Hub.Endpoints.PossibleMatchesList;

/// <summary>
/// <c>GET /api/possible-matches</c>: the possible matches held for a person to confirm or reject, oldest first
/// (docs/domain.md "Matching" step 3). Decided matches are not listed.
/// </summary>
public sealed class PossibleMatchesListEndpoint(PossibleMatchStore matches, ILogger<PossibleMatchesListEndpoint> logger) : ApiEndpoint(logger)
{
    /// <summary>The function name.</summary>
    public const string Name = "PossibleMatchesList";

    /// <inheritdoc />
    protected override async Task<HttpResponseOutput> HandleAsync(HttpTriggerInput request, CancellationToken cancellationToken)
    {
        var held = await matches.ListHeldAsync(cancellationToken).ConfigureAwait(false);
        return ApiJson.Response(new PossibleMatchList(held.Count, [.. held.Select(PossibleMatchView.From)]));
    }
}
