using System.Text.Json;
using System.Text.Json.Serialization;

namespace ContinuityOfCare.Hub.Api;

/// <summary>
/// The API's JSON conventions (docs/api.md "Conventions"): camelCase names, enums as camelCase strings, instants as
/// ISO-8601 UTC text, nulls written (a field is always present, so clients need not guess).
/// </summary>
public static class ApiJson
{
    /// <summary>The serializer options every endpoint uses.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>A JSON response of <paramref name="value"/>, never cached (answers may name obligations and clients by id).</summary>
    public static HttpResponseOutput Response<T>(T value, int statusCode = 200) => new(
        statusCode,
        JsonSerializer.Serialize(value, Options),
        new Dictionary<string, string> { ["Content-Type"] = "application/json; charset=utf-8", ["Cache-Control"] = "no-store" });

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        };
        options.Converters.Add(new InstantJsonConverter());
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
