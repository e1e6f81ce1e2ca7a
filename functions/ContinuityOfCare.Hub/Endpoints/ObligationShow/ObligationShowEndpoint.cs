using ContinuityOfCare.Hub.Api;
using ContinuityOfCare.Hub.Obligations;
using ContinuityOfCare.Hub.State;
using ContinuityOfCare.Mail.Outbox;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace ContinuityOfCare.Hub.Endpoints.ObligationShow;

/// <summary>
/// <c>GET /api/obligations/{id}</c>: the obligation as the table holds it and its orchestration's status and history
/// (timers, levels, events — no inputs) and each escalation level's email status from the alert outbox, for
/// <c>coc obligations show</c> and the console (docs/api.md). 404 for an unknown id.
/// </summary>
public sealed class ObligationShowEndpoint(
    ObligationStore obligations, IObligationEvents orchestrations, IServiceProvider services, TimeProvider time, ILogger<ObligationShowEndpoint> logger)
    : ApiEndpoint(logger)
{
    /// <summary>The function name.</summary>
    public const string Name = "ObligationShow";

    /// <inheritdoc />
    protected override async Task<HttpResponseOutput> HandleAsync(HttpTriggerInput request, CancellationToken cancellationToken)
    {
        var id = ApiRequest.Route(request, "id");
        if (await obligations.GetAsync(id, cancellationToken).ConfigureAwait(false) is not { } stored)
        {
            return ApiProblem.NotFound($"There is no obligation with id '{id}'.").ToResponse();
        }

        var orchestration = await orchestrations.DescribeAsync(id, withHistory: true, cancellationToken).ConfigureAwait(false);
        // The outbox is optional in a host without email; the levels are then listed with an unknown email status.
        var escalations = await EscalationEmailView.ReadAsync(stored, services.GetService<AlertOutbox>(), cancellationToken).ConfigureAwait(false);
        return ApiJson.Response(new ObligationDetail(ObligationView.From(stored, Instant.FromDateTimeOffset(time.GetUtcNow())), orchestration, escalations));
    }
}
