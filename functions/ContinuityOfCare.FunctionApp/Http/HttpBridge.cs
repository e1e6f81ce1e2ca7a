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
    /// <summary>
    /// Reads the request; <paramref name="routeValues"/> are the function's route parameters (bound by the host). The
    /// body is streamed with <paramref name="maxBodyBytes"/> as its cap: a declared length over it is not read at all,
    /// and reading stops as soon as the bytes pass it (chunked bodies have no declared length), so an oversized body is
    /// never held whole in memory — the input then says <see cref="HttpTriggerInput.BodyOverCap"/> and the endpoint
    /// answers 413.
    /// </summary>
    public static async Task<HttpTriggerInput> ReadAsync(
        HttpRequest request, IReadOnlyDictionary<string, string> routeValues, long maxBodyBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(routeValues);
        var (body, overCap) = request.ContentLength switch
        {
            0 => (null, false),
            > 0 when request.ContentLength > maxBodyBytes => (null, true),
            _ => await ReadBodyAsync(request.Body, maxBodyBytes, cancellationToken).ConfigureAwait(false),
        };

        return new HttpTriggerInput(
            request.Method.ToUpperInvariant(),
            $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}{request.QueryString}",
            request.Query.ToDictionary(pair => pair.Key, pair => pair.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            request.Headers.ToDictionary(pair => pair.Key, pair => (IReadOnlyList<string>)[.. pair.Value.Select(value => value ?? string.Empty)], StringComparer.OrdinalIgnoreCase),
            new Dictionary<string, string>(routeValues, StringComparer.OrdinalIgnoreCase),
            body)
        {
            BodyOverCap = overCap,
        };
    }

    /// <summary>Runs an API endpoint for the request (its body capped at the endpoint's <see cref="ApiEndpoint.MaxBodyBytes"/>) and answers with its response.</summary>
    public static async Task<IActionResult> RunAsync(ApiEndpoint endpoint, HttpRequest request, IReadOnlyDictionary<string, string> routeValues, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var input = await ReadAsync(request, routeValues, endpoint.MaxBodyBytes, cancellationToken).ConfigureAwait(false);
        return new HubHttpResult(await endpoint.InvokeAsync(input, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>The body as text (UTF-8, or as its byte-order mark says), null when empty; (null, true) once past <paramref name="maxBytes"/>.</summary>
    private static async Task<(string? Body, bool OverCap)> ReadBodyAsync(Stream body, long maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return (null, true);
            }

            buffer.Write(chunk, 0, read);
        }

        buffer.Position = 0;
        using var reader = new StreamReader(buffer, Encoding.UTF8);
        var text = await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        return (text.Length == 0 ? null : text, false);
    }

    /// <summary>No route parameters.</summary>
    public static IReadOnlyDictionary<string, string> NoRouteValues { get; } = new Dictionary<string, string>();
}
