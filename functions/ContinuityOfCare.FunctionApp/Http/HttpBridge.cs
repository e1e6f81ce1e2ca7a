using System.Text;
using ContinuityOfCare.Hub.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace ContinuityOfCare.FunctionApp.Http;

/// <summary>
/// Between ASP.NET Core's request/response (the isolated worker's HTTP integration, and the local runner) and the hub's
/// host-neutral <see cref="HttpTriggerInput"/> / <see cref="HttpResponseOutput"/>, so the API's logic and its tests do
/// not depend on a host.
/// </summary>
public static class HttpBridge
{
    /// <summary>Reads the request; <paramref name="routeValues"/> are the function's route parameters (bound by the host).</summary>
    public static async Task<HttpTriggerInput> ReadAsync(HttpRequest request, IReadOnlyDictionary<string, string> routeValues, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(routeValues);
        string? body = null;
        if (request.ContentLength is null or > 0)
        {
            using var reader = new StreamReader(request.Body, Encoding.UTF8);
            var text = await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
            body = text.Length == 0 ? null : text;
        }

        return new HttpTriggerInput(
            request.Method.ToUpperInvariant(),
            $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}{request.QueryString}",
            request.Query.ToDictionary(pair => pair.Key, pair => pair.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            request.Headers.ToDictionary(pair => pair.Key, pair => (IReadOnlyList<string>)[.. pair.Value.Select(value => value ?? string.Empty)], StringComparer.OrdinalIgnoreCase),
            new Dictionary<string, string>(routeValues, StringComparer.OrdinalIgnoreCase),
            body);
    }

    /// <summary>Runs an API endpoint for the request and answers with its response.</summary>
    public static async Task<IActionResult> RunAsync(ApiEndpoint endpoint, HttpRequest request, IReadOnlyDictionary<string, string> routeValues, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var input = await ReadAsync(request, routeValues, cancellationToken).ConfigureAwait(false);
        return new HubHttpResult(await endpoint.InvokeAsync(input, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>No route parameters.</summary>
    public static IReadOnlyDictionary<string, string> NoRouteValues { get; } = new Dictionary<string, string>();
}
