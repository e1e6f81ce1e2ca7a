using System.Text.Json;
using ContinuityOfCare.FunctionApp.Catalogue;
using ContinuityOfCare.FunctionApp.Invocation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ContinuityOfCare.FunctionApp.CustomHandler;

/// <summary>
/// The custom handler contract (architecture.md "Hosting"): <c>GET /</c> answers readiness; <c>POST /{FunctionName}</c>
/// decodes the host's payload, runs the function and answers with its outputs, or a non-2xx JSON body on failure
/// (404 unknown function, 400 undecodable payload, 500 the function failed).
/// </summary>
public static class CustomHandlerEndpoints
{
    /// <summary>Maps the two routes.</summary>
    public static IEndpointRouteBuilder MapCustomHandler(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet("/", () => Results.Json(new { status = "ready" }));
        endpoints.MapPost("/{functionName}", InvokeAsync);
        return endpoints;
    }

    private static async Task<IResult> InvokeAsync(
        string functionName,
        HttpRequest request,
        FunctionCatalogue catalogue,
        FunctionInvoker invoker,
        CancellationToken cancellationToken)
    {
        // The host sends its invocation id in this header (HttpWorkerConstants.InvocationIdHeaderName).
        var invocationId = request.Headers["X-Azure-Functions-InvocationId"].FirstOrDefault() ?? Guid.NewGuid().ToString("D");
        if (catalogue.Find(functionName) is not { } definition)
        {
            return Results.Json(CustomHandlerResponse.Failure(functionName, invocationId, "unknown function"), statusCode: StatusCodes.Status404NotFound);
        }

        FunctionContext context;
        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken).ConfigureAwait(false);
            context = new FunctionContext(definition, CustomHandlerRequestDecoder.Decode(definition, document.RootElement), invocationId);
        }
        catch (Exception exception) when (exception is JsonException or CustomHandlerPayloadException)
        {
            var reason = exception is CustomHandlerPayloadException ? exception.Message : "the request body is not JSON";
            return Results.Json(CustomHandlerResponse.Failure(definition.Name, invocationId, reason), statusCode: StatusCodes.Status400BadRequest);
        }

        try
        {
            await invoker.InvokeAsync(context, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return Results.Json(
                CustomHandlerResponse.Failure(definition.Name, invocationId, exception.GetType().Name),
                statusCode: StatusCodes.Status500InternalServerError);
        }

        return Results.Json(CustomHandlerResponse.Success(context));
    }
}
