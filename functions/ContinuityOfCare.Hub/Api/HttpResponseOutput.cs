namespace ContinuityOfCare.Hub.Api;

/// <summary>The response of an HTTP function (the custom handler sends it as <c>{statusCode, body, headers}</c>).</summary>
/// <param name="StatusCode">HTTP status.</param>
/// <param name="Body">Body text, or null.</param>
/// <param name="Headers">Response headers (e.g. Content-Type).</param>
public sealed record HttpResponseOutput(int StatusCode, string? Body, IReadOnlyDictionary<string, string> Headers)
{
    /// <summary>A JSON response.</summary>
    public static HttpResponseOutput Json(int statusCode, string json) =>
        new(statusCode, json, new Dictionary<string, string> { ["Content-Type"] = "application/json; charset=utf-8" });

    /// <summary>A plain-text response.</summary>
    public static HttpResponseOutput Text(int statusCode, string text) =>
        new(statusCode, text, new Dictionary<string, string> { ["Content-Type"] = "text/plain; charset=utf-8" });
}
