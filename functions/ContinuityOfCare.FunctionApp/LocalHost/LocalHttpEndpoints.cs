using System.Security.Cryptography;
using System.Text;
using ContinuityOfCare.FunctionApp.Catalogue;
using ContinuityOfCare.FunctionApp.Invocation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ContinuityOfCare.FunctionApp.LocalHost;

/// <summary>
/// The local host's HTTP side: <c>GET /</c> readiness (anonymous) and every <c>httpTrigger</c> function at
/// <c>/api/{route}</c> with its methods, guarded by the API key unless its <c>authLevel</c> is <c>anonymous</c>.
/// </summary>
public static class LocalHttpEndpoints
{
    /// <summary>Maps readiness and the HTTP functions of the catalogue.</summary>
    public static IEndpointRouteBuilder MapLocalHttpFunctions(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet("/", () => Results.Json(new { status = "ready" }));
        var catalogue = endpoints.ServiceProvider.GetRequiredService<FunctionCatalogue>();
        foreach (var definition in catalogue.WithTrigger(BindingTypes.HttpTrigger))
        {
            var trigger = definition.Trigger;
            var route = "api/" + (trigger.Route ?? definition.Name).TrimStart('/');
            string[] methods = trigger.Methods.Count > 0 ? [.. trigger.Methods] : ["GET", "POST", "PUT", "PATCH", "DELETE"];
            endpoints.MapMethods(route, methods, (HttpContext http) => InvokeAsync(http, definition));
        }

        return endpoints;
    }

    private static async Task InvokeAsync(HttpContext http, FunctionDefinition definition)
    {
        var options = http.RequestServices.GetRequiredService<IOptions<LocalHostOptions>>().Value;
        if (!definition.Trigger.AuthLevel.Equals("anonymous", StringComparison.OrdinalIgnoreCase) && !HasValidKey(http.Request, options.ApiKey))
        {
            http.Response.StatusCode = StatusCodes.Status401Unauthorized;
            await http.Response.WriteAsJsonAsync(new { error = "a valid API key is required (x-functions-key header or code query parameter)" }, http.RequestAborted).ConfigureAwait(false);
            return;
        }

        var input = await ReadRequestAsync(http).ConfigureAwait(false);
        var context = new FunctionContext(definition, input, http.TraceIdentifier);
        try
        {
            await http.RequestServices.GetRequiredService<FunctionInvoker>().InvokeAsync(context, http.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !http.RequestAborted.IsCancellationRequested)
        {
            http.Response.StatusCode = StatusCodes.Status500InternalServerError;
            await http.Response.WriteAsJsonAsync(new { error = $"{definition.Name} failed", type = exception.GetType().Name }, http.RequestAborted).ConfigureAwait(false);
            return;
        }

        var response = context.HttpResponse ?? new HttpResponseOutput(StatusCodes.Status204NoContent, null, new Dictionary<string, string>());
        http.Response.StatusCode = response.StatusCode;
        foreach (var (name, value) in response.Headers)
        {
            http.Response.Headers[name] = value;
        }

        if (response.Body is not null)
        {
            await http.Response.WriteAsync(response.Body, http.RequestAborted).ConfigureAwait(false);
        }
    }

    private static bool HasValidKey(HttpRequest request, string? expected)
    {
        if (string.IsNullOrEmpty(expected))
        {
            return false;
        }

        var supplied = request.Headers["x-functions-key"].FirstOrDefault() ?? request.Query["code"].FirstOrDefault();
        // Constant-time comparison (architecture.md "Security rules").
        return supplied is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(supplied), Encoding.UTF8.GetBytes(expected));
    }

    private static async Task<HttpTriggerInput> ReadRequestAsync(HttpContext http)
    {
        var request = http.Request;
        string? body = null;
        if (request.ContentLength is null or > 0)
        {
            using var reader = new StreamReader(request.Body, Encoding.UTF8);
            var text = await reader.ReadToEndAsync(http.RequestAborted).ConfigureAwait(false);
            body = text.Length == 0 ? null : text;
        }

        return new HttpTriggerInput(
            request.Method.ToUpperInvariant(),
            $"{request.Scheme}://{request.Host}{request.Path}{request.QueryString}",
            request.Query.ToDictionary(pair => pair.Key, pair => pair.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            request.Headers.ToDictionary(pair => pair.Key, pair => (IReadOnlyList<string>)[.. pair.Value.Select(value => value ?? string.Empty)], StringComparer.OrdinalIgnoreCase),
            request.RouteValues.Where(pair => pair.Value is not null).ToDictionary(pair => pair.Key, pair => pair.Value!.ToString()!, StringComparer.OrdinalIgnoreCase),
            body);
    }
}
