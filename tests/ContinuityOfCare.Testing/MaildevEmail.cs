using System.Text.Json;

namespace ContinuityOfCare.Testing;

/// <summary>One message as maildev's REST API (<c>GET /email</c>) reports it.</summary>
/// <param name="Id">maildev's id, for the per-email endpoints.</param>
/// <param name="Subject">The decoded subject.</param>
/// <param name="MessageId">The Message-ID without angle brackets, as maildev reports it.</param>
/// <param name="Headers">Header names (lower-case) to their raw values; repeated headers are joined with a newline.</param>
/// <param name="To">The recipients' addresses.</param>
/// <param name="Text">The plain-text part, if any.</param>
/// <param name="Html">The HTML part, if any.</param>
public sealed record MaildevEmail(
    string Id,
    string Subject,
    string? MessageId,
    IReadOnlyDictionary<string, string> Headers,
    IReadOnlyList<string> To,
    string? Text,
    string? Html)
{
    /// <summary>The header's value, or null when absent.</summary>
    public string? Header(string name) =>
        Headers.TryGetValue(name.ToLowerInvariant(), out var value) ? value : null;

    /// <summary>Reads one element of maildev's <c>GET /email</c> array.</summary>
    public static MaildevEmail FromJson(JsonElement element)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (element.TryGetProperty("headers", out var headerObject) && headerObject.ValueKind == JsonValueKind.Object)
        {
            foreach (var header in headerObject.EnumerateObject())
            {
                headers[header.Name.ToLowerInvariant()] = header.Value.ValueKind == JsonValueKind.Array
                    ? string.Join('\n', header.Value.EnumerateArray().Select(value => value.ToString()))
                    : header.Value.ToString();
            }
        }

        var to = element.TryGetProperty("to", out var toArray) && toArray.ValueKind == JsonValueKind.Array
            ? toArray.EnumerateArray().Select(party => party.GetProperty("address").GetString() ?? "").ToArray()
            : [];
        return new MaildevEmail(
            element.GetProperty("id").GetString() ?? "",
            StringOrNull(element, "subject") ?? "",
            StringOrNull(element, "messageId"),
            headers,
            to,
            StringOrNull(element, "text"),
            StringOrNull(element, "html"));
    }

    private static string? StringOrNull(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
