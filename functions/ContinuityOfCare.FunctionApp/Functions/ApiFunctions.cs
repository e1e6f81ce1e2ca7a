using ContinuityOfCare.FunctionApp.Http;
using ContinuityOfCare.FunctionApp.Obligations;
using ContinuityOfCare.Hub.Endpoints.ClientTimeline;
using ContinuityOfCare.Hub.Endpoints.ComplianceReport;
using ContinuityOfCare.Hub.Endpoints.Health;
using ContinuityOfCare.Hub.Endpoints.InboxUpload;
using ContinuityOfCare.Hub.Endpoints.ObligationFulfil;
using ContinuityOfCare.Hub.Endpoints.ObligationShow;
using ContinuityOfCare.Hub.Endpoints.ObligationsList;
using ContinuityOfCare.Hub.Endpoints.ObligationsReconcile;
using ContinuityOfCare.Hub.Endpoints.PossibleMatchDecide;
using ContinuityOfCare.Hub.Endpoints.PossibleMatchesList;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace ContinuityOfCare.FunctionApp.Functions;

/// <summary>
/// The HTTP API (docs/api.md), under <c>/api/</c>. Each function needs the function key (Azure) or the local runner's
/// API key; the endpoint classes of the application library hold the logic, so these methods only bridge the request.
/// </summary>
public sealed class ApiFunctions(IServiceProvider services)
{
    /// <summary><c>GET /api/health</c>: 200 healthy, 503 otherwise.</summary>
    [Function("Health")]
    public Task<IActionResult> HealthAsync([HttpTrigger(AuthorizationLevel.Function, "get", Route = "health")] HttpRequest request, CancellationToken cancellationToken) =>
        HttpBridge.RunAsync(services.GetRequiredService<HealthEndpoint>(), request, HttpBridge.NoRouteValues, cancellationToken);

    /// <summary><c>GET /api/obligations</c>.</summary>
    [Function("ObligationsList")]
    public Task<IActionResult> ObligationsListAsync([HttpTrigger(AuthorizationLevel.Function, "get", Route = "obligations")] HttpRequest request, CancellationToken cancellationToken) =>
        HttpBridge.RunAsync(services.GetRequiredService<ObligationsListEndpoint>(), request, HttpBridge.NoRouteValues, cancellationToken);

    /// <summary><c>POST /api/obligations/{id}/fulfil</c>.</summary>
    [Function("ObligationFulfil")]
    public async Task<IActionResult> ObligationFulfilAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "obligations/{id}/fulfil")] HttpRequest request, string id,
        [DurableClient] DurableTaskClient client, CancellationToken cancellationToken)
    {
        // A fulfilment raises "fulfilled" on the obligation's orchestration: its ladder stops.
        using var durable = DurableClientSource.Use(client);
        return await HttpBridge.RunAsync(services.GetRequiredService<ObligationFulfilEndpoint>(), request, new Dictionary<string, string> { ["id"] = id }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary><c>GET /api/obligations/{id}</c>: the obligation and its orchestration.</summary>
    [Function("ObligationShow")]
    public async Task<IActionResult> ObligationShowAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "obligations/{id}")] HttpRequest request, string id,
        [DurableClient] DurableTaskClient client, CancellationToken cancellationToken)
    {
        using var durable = DurableClientSource.Use(client);
        return await HttpBridge.RunAsync(services.GetRequiredService<ObligationShowEndpoint>(), request, new Dictionary<string, string> { ["id"] = id }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary><c>POST /api/obligations/reconcile[?dryRun=true]</c>: reconciliation on demand.</summary>
    [Function("ObligationsReconcile")]
    public async Task<IActionResult> ObligationsReconcileAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "obligations/reconcile")] HttpRequest request,
        [DurableClient] DurableTaskClient client, CancellationToken cancellationToken)
    {
        using var durable = DurableClientSource.Use(client);
        return await HttpBridge.RunAsync(services.GetRequiredService<ObligationsReconcileEndpoint>(), request, HttpBridge.NoRouteValues, cancellationToken).ConfigureAwait(false);
    }

    /// <summary><c>GET /api/possible-matches</c>.</summary>
    [Function("PossibleMatchesList")]
    public Task<IActionResult> PossibleMatchesListAsync([HttpTrigger(AuthorizationLevel.Function, "get", Route = "possible-matches")] HttpRequest request, CancellationToken cancellationToken) =>
        HttpBridge.RunAsync(services.GetRequiredService<PossibleMatchesListEndpoint>(), request, HttpBridge.NoRouteValues, cancellationToken);

    /// <summary><c>POST /api/possible-matches/{id}/confirm|reject</c>.</summary>
    [Function("PossibleMatchDecide")]
    public async Task<IActionResult> PossibleMatchDecideAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "possible-matches/{id}/{decision}")] HttpRequest request, string id, string decision,
        [DurableClient] DurableTaskClient client, CancellationToken cancellationToken)
    {
        // A confirmation routes the record: its obligations are started as orchestrations.
        using var durable = DurableClientSource.Use(client);
        return await HttpBridge.RunAsync(services.GetRequiredService<PossibleMatchDecideEndpoint>(), request,
            new Dictionary<string, string> { ["id"] = id, ["decision"] = decision }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary><c>GET /api/reports/compliance</c>.</summary>
    [Function("ComplianceReport")]
    public Task<IActionResult> ComplianceReportAsync([HttpTrigger(AuthorizationLevel.Function, "get", Route = "reports/compliance")] HttpRequest request, CancellationToken cancellationToken) =>
        HttpBridge.RunAsync(services.GetRequiredService<ComplianceReportEndpoint>(), request, HttpBridge.NoRouteValues, cancellationToken);

    /// <summary><c>GET /api/clients/{id}/timeline</c>.</summary>
    [Function("ClientTimeline")]
    public Task<IActionResult> ClientTimelineAsync([HttpTrigger(AuthorizationLevel.Function, "get", Route = "clients/{id}/timeline")] HttpRequest request, string id, CancellationToken cancellationToken) =>
        HttpBridge.RunAsync(services.GetRequiredService<ClientTimelineEndpoint>(), request, new Dictionary<string, string> { ["id"] = id }, cancellationToken);

    /// <summary><c>POST /api/inbox/{kind}?name=FILE</c>: upload a file to an inbox.</summary>
    [Function("InboxUpload")]
    public Task<IActionResult> InboxUploadAsync([HttpTrigger(AuthorizationLevel.Function, "post", Route = "inbox/{kind}")] HttpRequest request, string kind, CancellationToken cancellationToken) =>
        HttpBridge.RunAsync(services.GetRequiredService<InboxUploadEndpoint>(), request, new Dictionary<string, string> { ["kind"] = kind }, cancellationToken);
}
