using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace ContinuityOfCare.LocalRunner;

/// <summary>
/// The <c>host.json</c> settings the local host honours exactly as the Functions host does: queue retries
/// (<c>extensions.queues</c>) and the function timeout. Settings can be overridden by configuration under
/// <c>AzureFunctionsJobHost</c> (the Functions convention, e.g. the environment variable
/// <c>AzureFunctionsJobHost__extensions__queues__maxDequeueCount</c>).
/// </summary>
public sealed record HostJsonSettings
{
    /// <summary>Failures before a queue message is moved to <c>&lt;queue&gt;-poison</c> (host.json default 5).</summary>
    public int MaxDequeueCount { get; init; } = 5;

    /// <summary>How long a failed message stays invisible before its retry.</summary>
    public TimeSpan VisibilityTimeout { get; init; } = TimeSpan.Zero;

    /// <summary>Messages received per poll.</summary>
    public int BatchSize { get; init; } = 16;

    /// <summary>The longest wait between polls of an empty queue.</summary>
    public TimeSpan MaxPollingInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long one invocation may run before it is cancelled and counted as failed.</summary>
    public TimeSpan FunctionTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Reads <c>host.json</c> from <paramref name="appRoot"/> (defaults when absent) and applies overrides.</summary>
    /// <exception cref="InvalidDataException">host.json is not valid JSON or holds an unreadable value.</exception>
    public static HostJsonSettings Load(string appRoot, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(appRoot);
        ArgumentNullException.ThrowIfNull(configuration);
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var file = Path.Combine(appRoot, "host.json");
        if (File.Exists(file))
        {
            try
            {
                using var document = JsonDocument.Parse(File.ReadAllText(file), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
                Flatten(document.RootElement, prefix: null, values);
            }
            catch (JsonException exception)
            {
                throw new InvalidDataException($"host.json is not valid JSON: {exception.Message}", exception);
            }
        }

        foreach (var (key, value) in configuration.GetSection("AzureFunctionsJobHost").AsEnumerable(makePathsRelative: true))
        {
            if (value is not null)
            {
                values[key] = value;
            }
        }

        var defaults = new HostJsonSettings();
        return new HostJsonSettings
        {
            MaxDequeueCount = Int(values, "extensions:queues:maxDequeueCount", defaults.MaxDequeueCount),
            VisibilityTimeout = Span(values, "extensions:queues:visibilityTimeout", defaults.VisibilityTimeout),
            BatchSize = Int(values, "extensions:queues:batchSize", defaults.BatchSize),
            MaxPollingInterval = Span(values, "extensions:queues:maxPollingInterval", defaults.MaxPollingInterval),
            FunctionTimeout = Span(values, "functionTimeout", defaults.FunctionTimeout),
        };
    }

    private static void Flatten(JsonElement element, string? prefix, Dictionary<string, string> values)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Flatten(property.Value, prefix is null ? property.Name : $"{prefix}:{property.Name}", values);
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Flatten(item, string.Create(CultureInfo.InvariantCulture, $"{prefix}:{index++}"), values);
                }

                break;
            default:
                values[prefix ?? string.Empty] = element.ValueKind == JsonValueKind.String ? element.GetString()! : element.GetRawText();
                break;
        }
    }

    private static int Int(Dictionary<string, string> values, string key, int fallback) =>
        !values.TryGetValue(key, out var text) ? fallback
        : int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0 ? value
        : throw new InvalidDataException($"host.json {key} is not a positive whole number");

    private static TimeSpan Span(Dictionary<string, string> values, string key, TimeSpan fallback) =>
        !values.TryGetValue(key, out var text) ? fallback
        : TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value) && value >= TimeSpan.Zero ? value
        : throw new InvalidDataException($"host.json {key} is not a time span (hh:mm:ss)");
}
