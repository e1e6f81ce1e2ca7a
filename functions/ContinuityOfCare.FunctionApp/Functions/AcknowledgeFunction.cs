using ContinuityOfCare.FunctionApp.Http;
using ContinuityOfCare.Hub.Api;
using ContinuityOfCare.Hub.Endpoints.Acknowledge;
using ContinuityOfCare.FunctionApp.Obligations;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace ContinuityOfCare.FunctionApp.Functions;

/// <summary>
/// <c>GET|POST /api/ack/{token}</c>: the signed, single-use acknowledgement link in an Alert Form. Anonymous (whoever holds
/// the emailed link is the caller); the token itself is the credential, verified with HMAC-SHA256 in constant time.
/// </summary>
public sealed class AcknowledgeFunction(AcknowledgeEndpoint endpoint)
{
    /// <summary>GET shows a confirmation page; POST records the fulfilment.</summary>
    [Function("Acknowledge")]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "ack/{token}")] HttpRequest request, string token,
        [DurableClient] DurableTaskClient client, CancellationToken cancellationToken)
    {
        // A fulfilment raises "fulfilled" on the obligation's orchestration: its ladder stops.
        using var durable = DurableClientSource.Use(client);
        var input = await HttpBridge.ReadAsync(request, new Dictionary<string, string> { ["token"] = token }, ApiRequest.MaxBodyBytes, cancellationToken).ConfigureAwait(false);
        return new HubHttpResult(await endpoint.InvokeAsync(input, cancellationToken).ConfigureAwait(false));
    }
}
