using System.Globalization;
using System.Text;
using System.Text.Json;
using ContinuityOfCare.FunctionApp.Catalogue;
using ContinuityOfCare.FunctionApp.Invocation;

namespace ContinuityOfCare.FunctionApp.CustomHandler;

/// <summary>
/// Decodes the Functions host's custom handler request <c>{"Data":{…},"Metadata":{…}}</c> into a
/// <see cref="TriggerInput"/>. The host builds the payload with Newtonsoft.Json (azure-functions-host,
/// <c>ScriptInvocationContextExtensions.GetHttpScriptInvocationContextValue</c>): a value that is not a JSON object
/// is passed through <c>JsonConvert.SerializeObject</c>, so a queue message string arrives JSON-encoded inside a JSON
/// string (unwrap once to get the message text, which may itself be JSON) and scalar metadata arrive as JSON text
/// (<c>"DequeueCount":"1"</c>, <c>"Id":"\"…\""</c>); a <c>byte[]</c> (blob with <c>dataType</c> <c>binary</c>) arrives
/// base64; a timer arrives as the TimerInfo object; an HTTP request as <c>{Url, Method, Query, Headers, Params, Body}</c>.
/// </summary>
public static class CustomHandlerRequestDecoder
{
    /// <summary>Decodes the trigger of <paramref name="definition"/> from the request body.</summary>
    /// <exception cref="CustomHandlerPayloadException">The payload lacks the trigger or has the wrong shape.</exception>
    public static TriggerInput Decode(FunctionDefinition definition, JsonElement request)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var trigger = definition.Trigger;
        if (request.ValueKind != JsonValueKind.Object || !TryGetProperty(request, "Data", out var data) || data.ValueKind != JsonValueKind.Object)
        {
            throw new CustomHandlerPayloadException("the request has no Data object");
        }

        if (!TryGetProperty(data, trigger.Name, out var value))
        {
            throw new CustomHandlerPayloadException($"Data has no value for the trigger binding {trigger.Name}");
        }

        var metadata = TryGetProperty(request, "Metadata", out var meta) && meta.ValueKind == JsonValueKind.Object ? meta : default;
        return trigger.Type switch
        {
            BindingTypes.QueueTrigger => DecodeQueue(value, metadata),
            BindingTypes.TimerTrigger => DecodeTimer(value),
            BindingTypes.BlobTrigger => DecodeBlob(trigger, value, metadata),
            BindingTypes.HttpTrigger => DecodeHttp(value),
            _ => throw new CustomHandlerPayloadException($"trigger type {trigger.Type} is not supported"),
        };
    }

    /// <summary>
    /// A scalar metadata value as the host sends it: JSON text inside a JSON string (<c>"1"</c> → 1,
    /// <c>"\"abc\""</c> → abc); a bare JSON number or string is accepted too.
    /// </summary>
    public static string? DecodeScalar(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                var text = value.GetString()!;
                return TryUnwrapJsonString(text, out var inner) ? inner : text;
            case JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False:
                return value.GetRawText();
            case JsonValueKind.Undefined or JsonValueKind.Null:
                return null;
            default:
                return value.GetRawText();
        }
    }

    private static QueueTriggerInput DecodeQueue(JsonElement value, JsonElement metadata)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            throw new CustomHandlerPayloadException("a queue message must arrive as a JSON string");
        }

        // Unwrap once: the Data value is the message serialised as a JSON string literal.
        var outer = value.GetString()!;
        var message = TryUnwrapJsonString(outer, out var inner) ? inner : outer;
        var dequeueText = Metadata(metadata, "DequeueCount");
        var dequeueCount = dequeueText is null ? 1
            : long.TryParse(dequeueText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) ? count
            : throw new CustomHandlerPayloadException("Metadata.DequeueCount is not a number");
        return new QueueTriggerInput(message, Metadata(metadata, "Id"), dequeueCount);
    }

    private static TimerTriggerInput DecodeTimer(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            // Tolerate a TimerInfo serialised into a string.
            using var document = ParseOrThrow(value.GetString()!, "timer");
            return DecodeTimer(document.RootElement.Clone());
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            throw new CustomHandlerPayloadException("a timer must arrive as an object {Schedule, ScheduleStatus, IsPastDue}");
        }

        var isPastDue = TryGetProperty(value, "IsPastDue", out var pastDue) && pastDue.ValueKind == JsonValueKind.True;
        return new TimerTriggerInput(isPastDue);
    }

    private static BlobTriggerInput DecodeBlob(BindingDefinition trigger, JsonElement value, JsonElement metadata)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            throw new CustomHandlerPayloadException("a blob must arrive as a base64 string (dataType binary)");
        }

        byte[] content;
        try
        {
            content = Convert.FromBase64String(value.GetString()!);
        }
        catch (FormatException exception)
        {
            throw new CustomHandlerPayloadException("the blob is not base64: set \"dataType\": \"binary\" on the blob trigger", exception);
        }

        var name = Metadata(metadata, "name")
            ?? throw new CustomHandlerPayloadException("Metadata has no blob name (the {name} of the trigger path)");
        return new BlobTriggerInput(trigger.BlobContainer!, name, content);
    }

    private static HttpTriggerInput DecodeHttp(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            throw new CustomHandlerPayloadException("an HTTP request must arrive as an object {Url, Method, Query, Headers, Params, Body}");
        }

        string Text(string name) => TryGetProperty(value, name, out var element) && element.ValueKind == JsonValueKind.String ? element.GetString()! : string.Empty;

        var query = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (TryGetProperty(value, "Query", out var queryElement))
        {
            if (queryElement.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in queryElement.EnumerateObject())
                {
                    query[property.Name] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText();
                }
            }
            else if (queryElement.ValueKind == JsonValueKind.String)
            {
                // Older hosts send the query collection serialised as a JSON string.
                using var document = ParseOrThrow(queryElement.GetString()!, "Query");
                foreach (var property in document.RootElement.EnumerateObject())
                {
                    query[property.Name] = property.Value.ToString();
                }
            }
        }

        var headers = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        if (TryGetProperty(value, "Headers", out var headersElement) && headersElement.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in headersElement.EnumerateObject())
            {
                headers[property.Name] = property.Value.ValueKind == JsonValueKind.Array
                    ? property.Value.EnumerateArray().Select(item => item.ToString()).ToList()
                    : [property.Value.ToString()];
            }
        }

        var routeParams = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (TryGetProperty(value, "Params", out var paramsElement) && paramsElement.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in paramsElement.EnumerateObject())
            {
                routeParams[property.Name] = property.Value.ToString();
            }
        }

        string? body = TryGetProperty(value, "Body", out var bodyElement) && bodyElement.ValueKind == JsonValueKind.String ? bodyElement.GetString() : null;
        return new HttpTriggerInput(Text("Method").ToUpperInvariant(), Text("Url"), query, headers, routeParams, body);
    }

    private static string? Metadata(JsonElement metadata, string name) =>
        metadata.ValueKind == JsonValueKind.Object && TryGetProperty(metadata, name, out var value) ? DecodeScalar(value) : null;

    private static bool TryUnwrapJsonString(string text, out string inner)
    {
        inner = string.Empty;
        if (text.Length < 2 || text[0] != '"' || text[^1] != '"')
        {
            return false;
        }

        try
        {
            inner = JsonSerializer.Deserialize<string>(text) ?? string.Empty;
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static JsonDocument ParseOrThrow(string json, string what)
    {
        try
        {
            return JsonDocument.Parse(Encoding.UTF8.GetBytes(json));
        }
        catch (JsonException exception)
        {
            throw new CustomHandlerPayloadException($"{what} is not valid JSON", exception);
        }
    }

    private static bool TryGetProperty(JsonElement element, string name, out JsonElement value)
    {
        if (element.TryGetProperty(name, out value))
        {
            return true;
        }

        foreach (var property in element.EnumerateObject())
        {
            if (property.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                value = property.Value;
                return true;
            }
        }

        return false;
    }
}
