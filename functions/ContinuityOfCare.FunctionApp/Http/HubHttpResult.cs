using ContinuityOfCare.Hub.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace ContinuityOfCare.FunctionApp.Http;

/// <summary>Writes a <see cref="HttpResponseOutput"/> (status, headers, body) as it is, with no MVC formatters involved.</summary>
public sealed class HubHttpResult(HttpResponseOutput output) : IActionResult
{
    /// <summary>The response.</summary>
    public HttpResponseOutput Output { get; } = output ?? throw new ArgumentNullException(nameof(output));

    /// <inheritdoc />
    public async Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.HttpContext.Response;
        response.StatusCode = Output.StatusCode;
        foreach (var (name, value) in Output.Headers)
        {
            response.Headers[name] = value;
        }

        if (Output.Body is not null)
        {
            await response.WriteAsync(Output.Body, context.HttpContext.RequestAborted).ConfigureAwait(false);
        }
    }
}
