namespace ContinuityOfCare.Hub.Api;

/// <summary>An HTTP request, in the shape the Functions host forwards it to a custom handler.</summary>
/// <param name="Method">The HTTP method, upper case.</param>
/// <param name="Url">The full request URL.</param>
/// <param name="Query">Query parameters (a repeated parameter's values joined by commas, as the host does).</param>
/// <param name="Headers">Request headers.</param>
/// <param name="Params">Route parameters.</param>
/// <param name="Body">The request body as text, or null when empty (or refused as too large).</param>
public sealed record HttpTriggerInput(
    string Method,
    string Url,
    IReadOnlyDictionary<string, string> Query,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Headers,
    IReadOnlyDictionary<string, string> Params,
    string? Body)
{
    /// <summary>
    /// The body was longer than the endpoint's cap and was not read past it (its <see cref="Body"/> is null): answered
    /// 413 by the endpoint's own cap check.
    /// </summary>
    public bool BodyOverCap { get; init; }
}
