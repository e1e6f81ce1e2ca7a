using System.Text.Json;
using NCrontab;

namespace ContinuityOfCare.FunctionApp.Catalogue;

/// <summary>
/// Reads a <c>function.json</c> the way the Azure Functions host does (property names case-insensitive) and checks
/// what both hosts rely on: exactly one trigger, known binding types, a queue name, a six-field schedule, a blob path
/// <c>container/{name}</c>.
/// </summary>
public static class FunctionJsonReader
{
    /// <summary>Parses one function's <c>function.json</c>.</summary>
    /// <exception cref="InvalidDataException">The file is not valid JSON or breaks a rule above; the message says which.</exception>
    public static FunctionDefinition Parse(string functionName, string json)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(functionName);
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"{functionName}/function.json is not valid JSON: {exception.Message}", exception);
        }

        using (document)
        {
            if (!TryGet(document.RootElement, "bindings", out var bindingsElement) || bindingsElement.ValueKind != JsonValueKind.Array)
            {
                throw new InvalidDataException($"{functionName}/function.json has no \"bindings\" array");
            }

            var bindings = bindingsElement.EnumerateArray().Select(element => ParseBinding(functionName, element)).ToList();
            var triggers = bindings.Count(binding => binding.IsTrigger);
            if (triggers != 1)
            {
                throw new InvalidDataException($"{functionName}/function.json must have exactly one trigger binding, found {triggers}");
            }

            return new FunctionDefinition(functionName, bindings);
        }
    }

    private static BindingDefinition ParseBinding(string functionName, JsonElement element)
    {
        string? Text(string name) => TryGet(element, name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        string Required(string name) => Text(name) is { Length: > 0 } value
            ? value
            : throw new InvalidDataException($"{functionName}/function.json: a binding has no \"{name}\"");

        var type = Required("type");
        if (!BindingTypes.All.Contains(type))
        {
            throw new InvalidDataException($"{functionName}/function.json: binding type {type} is not supported by this app");
        }

        var binding = new BindingDefinition(type, Required("direction"), Required("name"))
        {
            QueueName = Text("queueName"),
            Schedule = Text("schedule"),
            RunOnStartup = TryGet(element, "runOnStartup", out var runOnStartup) && runOnStartup.ValueKind == JsonValueKind.True,
            Path = Text("path"),
            Methods = TryGet(element, "methods", out var methods) && methods.ValueKind == JsonValueKind.Array
                ? methods.EnumerateArray().Select(method => (method.GetString() ?? string.Empty).ToUpperInvariant()).ToList()
                : [],
            Route = Text("route"),
            AuthLevel = Text("authLevel") ?? "function",
            Connection = Text("connection"),
            DataType = Text("dataType"),
        };

        switch (binding.Type)
        {
            case BindingTypes.QueueTrigger or BindingTypes.Queue when string.IsNullOrWhiteSpace(binding.QueueName):
                throw new InvalidDataException($"{functionName}/function.json: queue binding {binding.Name} has no queueName");
            case BindingTypes.TimerTrigger:
                // NCrontab.Signed with seconds: the same six-field form the Functions host accepts.
                if (binding.Schedule is null || CrontabSchedule.TryParse(binding.Schedule, new CrontabSchedule.ParseOptions { IncludingSeconds = true }) is null)
                {
                    throw new InvalidDataException($"{functionName}/function.json: timer schedule is not a six-field NCRONTAB expression");
                }

                break;
            case BindingTypes.BlobTrigger when binding.Path is null || !binding.Path.EndsWith("/{name}", StringComparison.Ordinal) || binding.Path.Count(c => c == '/') != 1:
                throw new InvalidDataException($"{functionName}/function.json: blob trigger path must be container/{{name}}");
        }

        return binding;
    }

    private static bool TryGet(JsonElement element, string name, out JsonElement value)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (property.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                value = property.Value;
                return true;
            }
        }

        value = default;
        return false;
    }
}
