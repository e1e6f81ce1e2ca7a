using ContinuityOfCare.Hub.Api;
using Microsoft.AspNetCore.WebUtilities;

namespace ContinuityOfCare.Hub.Console;

/// <summary>
/// A console request read from the host-neutral <see cref="HttpTriggerInput"/>: the path below the console's root,
/// the query, the form fields of a POST (<c>application/x-www-form-urlencoded</c>) and the cookies.
/// </summary>
public sealed class ConsoleRequest
{
    private ConsoleRequest(HttpTriggerInput input, string path, IReadOnlyDictionary<string, string> form, IReadOnlyDictionary<string, string> cookies)
    {
        Input = input;
        Path = path;
        Form = form;
        Cookies = cookies;
    }

    /// <summary>The request as the host gave it.</summary>
    public HttpTriggerInput Input { get; }

    /// <summary>The path below the console root, without leading or trailing slash (<c>""</c> for the root).</summary>
    public string Path { get; }

    /// <summary>The path's segments.</summary>
    public IReadOnlyList<string> Segments => Path.Length == 0 ? [] : Path.Split('/');

    /// <summary>True for a POST.</summary>
    public bool IsPost => Input.Method == "POST";

    /// <summary>Form fields of a POST (the last value of a repeated field).</summary>
    public IReadOnlyDictionary<string, string> Form { get; }

    /// <summary>Request cookies.</summary>
    public IReadOnlyDictionary<string, string> Cookies { get; }

    /// <summary>True when the browser reached the console over HTTPS (then cookies are marked Secure).</summary>
    public bool IsHttps => Input.Url.StartsWith("https:", StringComparison.OrdinalIgnoreCase)
        || Header("X-Forwarded-Proto") is { } proto && proto.Equals("https", StringComparison.OrdinalIgnoreCase);

    /// <summary>A query parameter, trimmed; null when absent or empty.</summary>
    public string? Query(string name) =>
        Input.Query.TryGetValue(name, out var value) && value.Trim() is { Length: > 0 } trimmed ? trimmed : null;

    /// <summary>A form field, trimmed; null when absent or empty.</summary>
    public string? Field(string name) => Form.TryGetValue(name, out var value) && value.Trim() is { Length: > 0 } trimmed ? trimmed : null;

    /// <summary>The first value of a request header.</summary>
    public string? Header(string name) =>
        Input.Headers.TryGetValue(name, out var values) && values.Count > 0 && values[0].Length > 0 ? values[0] : null;

    /// <summary>Reads <paramref name="input"/>; <paramref name="path"/> is the route's catch-all below the console root.</summary>
    public static ConsoleRequest From(HttpTriggerInput input, string? path)
    {
        ArgumentNullException.ThrowIfNull(input);
        var form = new Dictionary<string, string>(StringComparer.Ordinal);
        if (input.Method == "POST" && input.Body is { } body)
        {
            foreach (var (key, value) in QueryHelpers.ParseQuery(body))
            {
                if (value.Count > 0)
                {
                    form[key] = value[^1] ?? string.Empty;
                }
            }
        }

        var cookies = new Dictionary<string, string>(StringComparer.Ordinal);
        if (input.Headers.TryGetValue("Cookie", out var headers))
        {
            foreach (var part in headers.SelectMany(h => h.Split(';')))
            {
                var eq = part.IndexOf('=', StringComparison.Ordinal);
                if (eq > 0)
                {
                    cookies.TryAdd(part[..eq].Trim(), part[(eq + 1)..].Trim());
                }
            }
        }

        return new ConsoleRequest(input, (path ?? string.Empty).Trim('/'), form, cookies);
    }
}
