using System.Text.Json;
using ContinuityOfCare.Hub.Api;

namespace ContinuityOfCare.Hub.Console.Pages;

/// <summary>
/// Calls to the HTTP API's endpoints from the console's pages: a page that decides something goes through the same
/// endpoint as an API caller, so each rule (validation, audit, orchestration events, routing) has one home.
/// </summary>
public static class ConsoleCalls
{
    /// <summary>A request for an endpoint.</summary>
    public static HttpTriggerInput Input(string method, Dictionary<string, string> route, Dictionary<string, string>? query = null, string? body = null) =>
        new(method, "http://console.invalid" + ConsolePaths.Root, query ?? new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase),
            new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase),
            new Dictionary<string, string>(route, StringComparer.OrdinalIgnoreCase), body);

    /// <summary>The <c>detail</c> of a problem answer (never personal data), or a generic sentence.</summary>
    public static string Detail(HttpResponseOutput answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        try
        {
            using var document = JsonDocument.Parse(answer.Body ?? "{}");
            return document.RootElement.TryGetProperty("detail", out var detail) ? detail.GetString() ?? "The request was refused." : "The request was refused.";
        }
        catch (JsonException)
        {
            return "The request was refused.";
        }
    }
}
