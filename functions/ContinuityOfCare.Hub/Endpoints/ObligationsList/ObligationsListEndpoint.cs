using ContinuityOfCare.Core.Obligations;
using ContinuityOfCare.Hub.Api;
using ContinuityOfCare.Hub.State;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace ContinuityOfCare.Hub.Endpoints.ObligationsList;

/// <summary>
/// <c>GET /api/obligations?owner=&amp;status=&amp;dueBefore=</c>: obligations filtered by owner organisation code,
/// lifecycle state(s) (comma-separated) and due instant (strictly before), earliest due first (docs/api.md).
/// </summary>
public sealed class ObligationsListEndpoint(ObligationStore obligations, TimeProvider time, ILogger<ObligationsListEndpoint> logger)
    : ApiEndpoint(logger)
{
    /// <summary>The function name.</summary>
    public const string Name = "ObligationsList";

    /// <inheritdoc />
    protected override async Task<HttpResponseOutput> HandleAsync(HttpTriggerInput request, CancellationToken cancellationToken)
    {
        var owner = ApiRequest.Text(request, "owner", maxLength: 64);
        var states = ApiRequest.EnumList<ObligationState>(request, "status");
        var dueBefore = ApiRequest.Instant(request, "dueBefore");
        var found = await obligations.QueryAsync(new ObligationQuery(owner, states, dueBefore), cancellationToken).ConfigureAwait(false);
        var now = Instant.FromDateTimeOffset(time.GetUtcNow());
        return ApiJson.Response(new ObligationList(found.Count, [.. found.Select(o => ObligationView.From(o, now))]));
    }
}
