using Microsoft.AspNetCore.Mvc;

namespace ContinuityOfCare.FunctionApp.Http;

/// <summary>
/// A binary answer (the console's fonts and images) written as it is: no MVC result executor is needed, so the local
/// runner, which registers none, serves it exactly as the isolated worker does.
/// </summary>
public sealed class BytesResult(byte[] content, string contentType) : IActionResult
{
    /// <inheritdoc />
    public async Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.HttpContext.Response;
        response.StatusCode = 200;
        response.ContentType = contentType;
        response.ContentLength = content.Length;
        await response.Body.WriteAsync(content, context.HttpContext.RequestAborted).ConfigureAwait(false);
    }
}
