using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ContinuityOfCare.LocalRunner;

/// <summary>
/// HTTP-triggered functions served through ASP.NET Core under <c>/api/{route}</c>, as the Functions host serves them;
/// functions above anonymous level need the runner's API key (<c>x-functions-key</c> or <c>?code=</c>), compared in
/// constant time. <c>GET /</c> answers readiness.
/// </summary>
public static class HttpFunctionEndpoints
{
    /// <summary>Maps every HTTP function of the index.</summary>
    public static IEndpointRouteBuilder MapHttpFunctions(this IEndpointRouteBuilder endpoints, IReadOnlyList<IndexedFunction> functions)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(functions);
        endpoints.MapGet("/", () => Results.Json(new { status = "ready" }));
        foreach (var function in functions.Where(f => f.Kind == TriggerKind.Http))
        {
            string[] methods = function.HttpMethods.Count > 0 ? [.. function.HttpMethods] : ["GET", "POST", "PUT", "PATCH", "DELETE"];
            endpoints.MapMethods("api/" + function.Route!.TrimStart('/'), methods, (HttpContext http) => InvokeAsync(http, function));
        }

        return endpoints;
    }

    private static async Task InvokeAsync(HttpContext http, IndexedFunction function)
    {
        var options = http.RequestServices.GetRequiredService<IOptions<LocalRunnerOptions>>().Value;
        if (function.AuthLevel != AuthorizationLevel.Anonymous && !HasValidKey(http.Request, options.ApiKey))
        {
            // A problem document like every other error of the API (docs/api.md "Conventions").
            await new FunctionApp.Http.HubHttpResult(Hub.Api.ApiProblem.Unauthorized().ToResponse())
                .ExecuteResultAsync(new ActionContext(http, http.GetRouteData(), new ActionDescriptor())).ConfigureAwait(false);
            return;
        }

        var named = http.Request.RouteValues.Where(pair => pair.Value is not null)
            .ToDictionary(pair => pair.Key, pair => (object?)pair.Value!.ToString(), StringComparer.OrdinalIgnoreCase);
        object? result;
        try
        {
            result = await http.RequestServices.GetRequiredService<FunctionInvoker>()
                .InvokeAsync(function, http.Request, named, http.RequestAborted, http.RequestServices).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !http.RequestAborted.IsCancellationRequested)
        {
            // As the Functions host: 500, and nothing of the exception's message (it may hold personal data).
            http.Response.StatusCode = StatusCodes.Status500InternalServerError;
            await http.Response.WriteAsJsonAsync(new { error = $"{function.Name} failed", type = exception.GetType().Name }, http.RequestAborted).ConfigureAwait(false);
            return;
        }

        switch (result)
        {
            case IActionResult action:
                await action.ExecuteResultAsync(new ActionContext(http, http.GetRouteData(), new ActionDescriptor())).ConfigureAwait(false);
                break;
            case null:
                http.Response.StatusCode = StatusCodes.Status204NoContent;
                break;
            default:
                throw new InvalidOperationException($"function {function.Name}: the local runner answers IActionResult, not {result.GetType().Name}");
        }
    }

    private static bool HasValidKey(HttpRequest request, string? expected)
    {
        if (string.IsNullOrEmpty(expected))
        {
            return false;
        }

        var supplied = request.Headers["x-functions-key"].FirstOrDefault() ?? request.Query["code"].FirstOrDefault();
        return supplied is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(supplied), Encoding.UTF8.GetBytes(expected));
    }
}
