using System.Text.Json;
using System.Xml.Linq;
using Azure;
using Azure.Core;

namespace ContinuityOfCare.Storage.Pipeline;

/// <summary>
/// Reads a storage error: the code from the <c>x-ms-error-code</c> header, else from the body (Blob/Queue XML
/// <c>&lt;Error&gt;&lt;Code&gt;</c>, Table JSON <c>odata.error.code</c>); the request id goes into the exception's
/// additional information.
/// </summary>
internal sealed class StorageErrorParser : RequestFailedDetailsParser
{
    /// <summary>The shared instance (stateless).</summary>
    public static StorageErrorParser Instance { get; } = new();

    /// <inheritdoc />
    public override bool TryParse(Response response, out ResponseError? error, out IDictionary<string, string>? data)
    {
        data = null;
        if (response.Headers.TryGetValue("x-ms-request-id", out var requestId))
        {
            data = new Dictionary<string, string>(StringComparer.Ordinal) { ["RequestId"] = requestId };
        }

        var (bodyCode, message) = ParseBody(response);
        var code = response.Headers.TryGetValue("x-ms-error-code", out var headerCode) ? headerCode : bodyCode;
        error = code is null && message is null ? null : new ResponseError(code, message ?? code);
        return true;
    }

    /// <summary>Code and message from an XML or JSON error body; nulls when the body is absent or unreadable.</summary>
    internal static (string? Code, string? Message) ParseBody(Response response)
    {
        if (response.ContentStream is not { CanSeek: true } stream || stream.Length == 0)
        {
            return (null, null);
        }

        stream.Position = 0;
        var text = response.Content.ToString();
        stream.Position = 0;
        return ParseBody(text);
    }

    /// <summary>Code and message from an XML or JSON error body text.</summary>
    internal static (string? Code, string? Message) ParseBody(string text)
    {
        var trimmed = text.TrimStart('\uFEFF', ' ', '\r', '\n', '\t');
        try
        {
            if (trimmed.StartsWith('<'))
            {
                var root = XDocument.Parse(trimmed).Root;
                return (root?.Element("Code")?.Value, root?.Element("Message")?.Value);
            }

            if (trimmed.StartsWith('{'))
            {
                using var document = JsonDocument.Parse(trimmed);
                if (document.RootElement.TryGetProperty("odata.error", out var odataError))
                {
                    var code = odataError.TryGetProperty("code", out var c) ? c.GetString() : null;
                    string? message = null;
                    if (odataError.TryGetProperty("message", out var m))
                    {
                        message = m.ValueKind == JsonValueKind.Object && m.TryGetProperty("value", out var v) ? v.GetString() : m.ToString();
                    }

                    return (code, message);
                }
            }
        }
        catch (Exception e) when (e is System.Xml.XmlException or JsonException)
        {
            // An unreadable error body still yields a RequestFailedException with the status and the raw content.
        }

        return (null, null);
    }
}
