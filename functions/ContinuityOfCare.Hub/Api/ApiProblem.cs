using System.Text.Json;

namespace ContinuityOfCare.Hub.Api;

/// <summary>
/// An error answer in the RFC 9457 problem-details shape <c>{"type","title","status","detail"}</c>. The detail is
/// written for the caller and never carries personal data (architecture.md "Security rules": no PII in logs or
/// messages): it names parameters and ids the caller sent, never client particulars.
/// </summary>
/// <param name="Type">A URI naming the problem type.</param>
/// <param name="Title">A short, fixed summary of the problem type.</param>
/// <param name="Status">The HTTP status.</param>
/// <param name="Detail">What was wrong with this request.</param>
public sealed record ApiProblem(string Type, string Title, int Status, string Detail)
{
    /// <summary>The media type of a problem answer.</summary>
    public const string MediaType = "application/problem+json; charset=utf-8";

    /// <summary>400: a parameter or the body is missing or invalid.</summary>
    public static ApiProblem BadRequest(string detail) =>
        new("https://www.rfc-editor.org/rfc/rfc9110#section-15.5.1", "The request is not valid.", 400, detail);

    /// <summary>401: no key, or not the right one (the detail says how to pass it, never what was passed).</summary>
    public static ApiProblem Unauthorized() =>
        new("https://www.rfc-editor.org/rfc/rfc9110#section-15.5.2", "A valid key is required.", 401,
            "Pass the function key (Azure) or the local runner's API key in the x-functions-key header or the code query parameter.");

    /// <summary>404: the resource the route names does not exist.</summary>
    public static ApiProblem NotFound(string detail) =>
        new("https://www.rfc-editor.org/rfc/rfc9110#section-15.5.5", "Not found.", 404, detail);

    /// <summary>409: the request conflicts with the resource's state (e.g. a decided possible match decided the other way).</summary>
    public static ApiProblem Conflict(string detail) =>
        new("https://www.rfc-editor.org/rfc/rfc9110#section-15.5.10", "The request conflicts with the current state.", 409, detail);

    /// <summary>413: the body is over the size cap.</summary>
    public static ApiProblem TooLarge(string detail) =>
        new("https://www.rfc-editor.org/rfc/rfc9110#section-15.5.14", "The request body is too large.", 413, detail);

    /// <summary>503: storage could not be reached or refused; the request may be retried.</summary>
    public static ApiProblem StorageUnavailable() =>
        new("https://www.rfc-editor.org/rfc/rfc9110#section-15.6.4", "Storage is unavailable.", 503,
            "The hub's storage did not answer or refused the request; nothing was changed that a retry would repeat. Retry later.");

    /// <summary>This problem as the function's HTTP response.</summary>
    public HttpResponseOutput ToResponse() => new(
        Status,
        JsonSerializer.Serialize(this, ApiJson.Options),
        new Dictionary<string, string> { ["Content-Type"] = MediaType, ["Cache-Control"] = "no-store" });
}
