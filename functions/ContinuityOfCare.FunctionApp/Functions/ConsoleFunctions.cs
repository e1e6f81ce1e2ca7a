using ContinuityOfCare.FunctionApp.Console;
using ContinuityOfCare.FunctionApp.Http;
using ContinuityOfCare.FunctionApp.Obligations;
using ContinuityOfCare.Hub.Api;
using ContinuityOfCare.Hub.Console;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace ContinuityOfCare.FunctionApp.Functions;

/// <summary>
/// The operator console (docs/console.md) under <c>/api/console/</c>. Anonymous at the host: the console has its own
/// sign-in (the local runner's API key, or App Service authentication) and refuses anonymous users itself, because a
/// browser cannot send a function key. The pages' logic is <see cref="ConsoleApp"/> in the application library.
/// </summary>
public sealed class ConsoleFunctions(IServiceProvider services)
{
    /// <summary>Every console page (GET) and form (POST).</summary>
    [Function("Console")]
    public async Task<IActionResult> PageAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "console/{*path}")] HttpRequest request,
        [DurableClient] DurableTaskClient client, CancellationToken cancellationToken)
    {
        // Marking an obligation fulfilled and confirming a possible match raise events on obligations' orchestrations.
        using var durable = DurableClientSource.Use(client);
        var input = await HttpBridge.ReadAsync(request, HttpBridge.NoRouteValues, ApiRequest.MaxBodyBytes, cancellationToken).ConfigureAwait(false);
        return new HubHttpResult(await services.GetRequiredService<ConsoleApp>().HandleAsync(input, Below(request, ConsolePaths.Root), cancellationToken).ConfigureAwait(false));
    }

    /// <summary>The console's CSS, JavaScript, fonts and images (embedded at build time).</summary>
    [Function("ConsoleAssets")]
    public IActionResult Asset([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "console/assets/{*file}")] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var file = Below(request, ConsolePaths.Assets);
        var response = request.HttpContext.Response;
        response.Headers["X-Content-Type-Options"] = "nosniff";
        if (ConsoleAssets.Find(file) is not { } asset)
        {
            return new NotFoundResult();
        }

        response.Headers["Cache-Control"] = "public, max-age=3600";
        return new BytesResult(asset.Content, asset.ContentType);
    }

    // The part of the path below the console's root, read from the path itself: an empty catch-all segment is not
    // bound as a route value by every host.
    private static string Below(HttpRequest request, string root)
    {
        var path = request.Path.Value ?? string.Empty;
        return path.StartsWith(root, StringComparison.OrdinalIgnoreCase) ? path[root.Length..].Trim('/') : string.Empty;
    }
}
