using ContinuityOfCare.Core.Obligations;
using ContinuityOfCare.FunctionApp.Api;
using ContinuityOfCare.FunctionApp.Invocation;
using ContinuityOfCare.FunctionApp.State;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace ContinuityOfCare.FunctionApp.Functions.ObligationsList;

/// <summary>
/// <c>GET /api/obligations?owner=&amp;status=&amp;dueBefore=</c>: obligations filtered by owner organisation code,
/// lifecycle state(s) (comma-separated) and due instant (strictly before), earliest due first (docs/api.md).
/// </summary>
public sealed class ObligationsListFunction(ObligationStore obligations, TimeProvider time, ILogger<ObligationsListFunction> logger)
    : ApiFunction(logger)
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
