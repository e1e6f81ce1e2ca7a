using System.Text;
using System.Text.Json;
using ContinuityOfCare.Core.Time;
using NodaTime;
using NodaTime.Text;

namespace ContinuityOfCare.Hub.Api;

/// <summary>
/// Reads route values, query parameters and JSON bodies of an <see cref="HttpTriggerInput"/>, throwing
/// <see cref="ApiProblemException"/> (400, or 413 for an oversized body) with a detail naming the parameter, never
/// echoing a long or personal value back.
/// </summary>
public static class ApiRequest
{
    /// <summary>The size cap of a JSON request body (architecture.md "Security rules": size caps on every upload).</summary>
    public const int MaxBodyBytes = 16 * 1024;

    /// <summary>The longest id accepted in a route (ids are hashes or short codes; anything longer is not one of ours).</summary>
    public const int MaxIdLength = 256;

    /// <summary>A route value such as <c>{id}</c>.</summary>
    /// <exception cref="ApiProblemException">Missing, empty, too long or holding control characters (400).</exception>
    public static string Route(HttpTriggerInput request, string name)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.Params.TryGetValue(name, out var value) || string.IsNullOrWhiteSpace(value))
        {
            throw new ApiProblemException(ApiProblem.BadRequest($"The route value '{name}' is required."));
        }

        // Both hosts hand route values over already URL-decoded: decoding again would turn %25 into another character.
        return value.Length <= MaxIdLength && !value.Any(char.IsControl)
            ? value
            : throw new ApiProblemException(ApiProblem.BadRequest($"The route value '{name}' is not a valid id."));
    }

    /// <summary>An optional query parameter as text (null when absent or empty).</summary>
    /// <exception cref="ApiProblemException">Longer than <paramref name="maxLength"/> (400).</exception>
    public static string? Text(HttpTriggerInput request, string name, int maxLength = MaxIdLength)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.Query.TryGetValue(name, out var value) || string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return value.Length <= maxLength && !value.Any(char.IsControl)
            ? value.Trim()
            : throw new ApiProblemException(ApiProblem.BadRequest($"The query parameter '{name}' is too long or holds control characters."));
    }

    /// <summary>
    /// An optional instant: ISO-8601 with an offset or Z (<c>2026-12-24T16:00:00Z</c>), a local date-time read as
    /// Europe/London (<c>2026-12-24T16:00</c>), or a date meaning the start of that day in Europe/London
    /// (<c>2026-12-24</c>; docs/domain.md "Time, days and the 24-hour rule": days are London days).
    /// </summary>
    /// <exception cref="ApiProblemException">Present but not one of those forms (400).</exception>
    public static Instant? Instant(HttpTriggerInput request, string name)
    {
        var text = Text(request, name, maxLength: 64);
        if (text is null)
        {
            return null;
        }

        var date = LocalDatePattern.Iso.Parse(text);
        if (date.Success)
        {
            return date.Value.AtStartOfDayInZone(WorkingCalendar.London).ToInstant();
        }

        return LondonTime.TryParse(text, out var instant, out _)
            ? instant
            : throw new ApiProblemException(ApiProblem.BadRequest(
                $"The query parameter '{name}' must be a date (2026-12-24), a London local time (2026-12-24T16:00) or an instant (2026-12-24T16:00:00Z)."));
    }

    /// <summary>A required instant (see <see cref="Instant(HttpTriggerInput, string)"/>).</summary>
    /// <exception cref="ApiProblemException">Missing or invalid (400).</exception>
    public static Instant RequiredInstant(HttpTriggerInput request, string name) =>
        Instant(request, name) ?? throw new ApiProblemException(ApiProblem.BadRequest($"The query parameter '{name}' is required."));

    /// <summary>An optional enum value, by name, case-insensitive (the error lists the accepted names).</summary>
    /// <exception cref="ApiProblemException">Present but not a defined name (400).</exception>
    public static TEnum? Enum<TEnum>(HttpTriggerInput request, string name)
        where TEnum : struct, Enum
    {
        var text = Text(request, name, maxLength: 64);
        if (text is null)
        {
            return null;
        }

        return ParseEnum<TEnum>(text, name);
    }

    /// <summary>An optional comma-separated list of enum names (e.g. <c>status=open,overdue</c>); null when absent.</summary>
    /// <exception cref="ApiProblemException">A name is not defined (400).</exception>
    public static IReadOnlySet<TEnum>? EnumList<TEnum>(HttpTriggerInput request, string name)
        where TEnum : struct, Enum
    {
        var text = Text(request, name, maxLength: 512);
        if (text is null)
        {
            return null;
        }

        var values = new HashSet<TEnum>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            values.Add(ParseEnum<TEnum>(part, name));
        }

        return values;
    }

    /// <summary>
    /// Refuses a body over <paramref name="maxBytes"/> (UTF-8 bytes) with 413 — for every endpoint, whether it reads its
    /// body or not (an endpoint that ignores its body would otherwise accept any size). <see cref="ApiEndpoint"/> calls it
    /// with the endpoint's own <see cref="ApiEndpoint.MaxBodyBytes"/>, the one cap the host bridge also stops reading at.
    /// </summary>
    /// <exception cref="ApiProblemException">413.</exception>
    public static void ThrowIfBodyTooLarge(HttpTriggerInput request, long maxBytes = MaxBodyBytes)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.BodyOverCap || (request.Body is { } body && (body.Length > maxBytes || Encoding.UTF8.GetByteCount(body) > maxBytes)))
        {
            throw new ApiProblemException(ApiProblem.TooLarge("The request body must be at most " + Size(maxBytes) + "."));
        }
    }

    /// <summary>The JSON body as <typeparamref name="T"/> (web conventions, <see cref="ApiJson.Options"/>).</summary>
    /// <exception cref="ApiProblemException">No body (400), over <see cref="MaxBodyBytes"/> (413), or not valid JSON of that shape (400).</exception>
    public static T Body<T>(HttpTriggerInput request)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.Body))
        {
            throw new ApiProblemException(ApiProblem.BadRequest("A JSON request body is required."));
        }

        ThrowIfBodyTooLarge(request);

        try
        {
            return JsonSerializer.Deserialize<T>(request.Body, ApiJson.Options)
                ?? throw new ApiProblemException(ApiProblem.BadRequest("The request body must be a JSON object."));
        }
        catch (JsonException exception)
        {
            // The path only (e.g. "$.at"): the exception message may quote the value sent.
            throw new ApiProblemException(ApiProblem.BadRequest(
                exception.Path is { Length: > 1 } path ? $"The request body is not valid at {path}." : "The request body is not valid JSON of the documented shape."));
        }
    }

    private static TEnum ParseEnum<TEnum>(string text, string name)
        where TEnum : struct, Enum
    {
        // Names only: Enum.TryParse would also take "3", and a number is not a documented value.
        foreach (var value in System.Enum.GetValues<TEnum>())
        {
            if (value.ToString().Equals(text, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        throw new ApiProblemException(ApiProblem.BadRequest(
            $"The query parameter '{name}' must be one of: {string.Join(", ", System.Enum.GetNames<TEnum>().Select(JsonNamingPolicy.CamelCase.ConvertName))}."));
    }

    private static string Size(long bytes) => bytes >= 1024 * 1024
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024.0):0.##} MB")
        : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.##} KB");
}
