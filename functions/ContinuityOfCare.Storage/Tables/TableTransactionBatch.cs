using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Azure;

namespace ContinuityOfCare.Storage.Tables;

/// <summary>
/// The multipart/mixed body of an entity group transaction ("Performing entity group transactions"): one batch part
/// holding one changeset, each action an <c>application/http</c> part with a full request line; and the parser of the
/// multipart response.
/// </summary>
internal static partial class TableTransactionBatch
{
    /// <summary>The most actions one transaction may hold.</summary>
    public const int MaxActions = 100;

    /// <summary>One sub-response of a batch response.</summary>
    public sealed record Part(int Status, IReadOnlyDictionary<string, string> Headers, string Body);

    /// <summary>Builds the body; returns it with its Content-Type.</summary>
    public static (string ContentType, byte[] Body) Build(Uri tableUri, IReadOnlyList<TableTransactionAction> actions, Guid batchId, Guid changesetId)
    {
        var batch = $"batch_{batchId:D}";
        var changeset = $"changeset_{changesetId:D}";
        var text = new StringBuilder();
        text.Append("--").Append(batch).Append("\r\n");
        text.Append("Content-Type: multipart/mixed; boundary=").Append(changeset).Append("\r\n\r\n");
        foreach (var action in actions)
        {
            text.Append("--").Append(changeset).Append("\r\n");
            text.Append("Content-Type: application/http\r\n");
            text.Append("Content-Transfer-Encoding: binary\r\n\r\n");
            AppendRequest(text, tableUri, action);
        }

        text.Append("--").Append(changeset).Append("--\r\n\r\n");
        text.Append("--").Append(batch).Append("--\r\n");
        return ($"multipart/mixed; boundary={batch}", Encoding.UTF8.GetBytes(text.ToString()));
    }

    private static void AppendRequest(StringBuilder text, Uri tableUri, TableTransactionAction action)
    {
        var entity = action.Entity;
        var entityUri = tableUri.AbsoluteUri + TableKeys.EntityPathSegment(entity.PartitionKey, entity.RowKey);
        var (method, uri, hasBody) = action.ActionType switch
        {
            TableTransactionActionType.Add => ("POST", tableUri.AbsoluteUri, true),
            TableTransactionActionType.UpdateMerge or TableTransactionActionType.UpsertMerge => ("MERGE", entityUri, true),
            TableTransactionActionType.UpdateReplace or TableTransactionActionType.UpsertReplace => ("PUT", entityUri, true),
            _ => ("DELETE", entityUri, false),
        };
        text.Append(method).Append(' ').Append(uri).Append(" HTTP/1.1\r\n");
        text.Append("Accept: application/json;odata=minimalmetadata\r\n");
        text.Append("DataServiceVersion: 3.0\r\n");
        if (action.IfMatch != default)
        {
            text.Append("If-Match: ").Append(action.IfMatch.ToString("H")).Append("\r\n");
        }

        if (hasBody)
        {
            var json = Encoding.UTF8.GetString(TableEntityJson.Serialize(entity));
            text.Append("Content-Type: application/json\r\n");
            text.Append("Prefer: return-no-content\r\n");
            text.Append("Content-Length: ").Append(Encoding.UTF8.GetByteCount(json).ToString(CultureInfo.InvariantCulture)).Append("\r\n\r\n");
            text.Append(json).Append("\r\n");
        }
        else
        {
            text.Append("\r\n");
        }
    }

    /// <summary>Every <c>HTTP/1.1 status</c> sub-response in a multipart batch response, in order.</summary>
    public static IReadOnlyList<Part> Parse(string body)
    {
        var parts = new List<Part>();
        var matches = StatusLine().Matches(body);
        foreach (Match match in matches)
        {
            var status = int.Parse(match.Groups["status"].Value, CultureInfo.InvariantCulture);
            var rest = body[(match.Index + match.Length)..];
            var headerEnd = rest.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            var headerText = headerEnd < 0 ? rest : rest[..headerEnd];
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var line in headerText.Split("\r\n", StringSplitOptions.RemoveEmptyEntries))
            {
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0)
                {
                    headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
                }
            }

            var partBody = string.Empty;
            if (headerEnd >= 0)
            {
                var afterHeaders = rest[(headerEnd + 4)..];
                var boundary = afterHeaders.IndexOf("\r\n--", StringComparison.Ordinal);
                partBody = boundary < 0 ? afterHeaders : afterHeaders[..boundary];
            }

            parts.Add(new Part(status, headers, partBody.Trim()));
        }

        return parts;
    }

    /// <summary>The zero-based failing action index from a service error message of the form <c>"3:The specified…"</c>.</summary>
    public static (int? Index, string Message) SplitIndex(string? message)
    {
        if (message is null)
        {
            return (null, string.Empty);
        }

        var match = IndexPrefix().Match(message);
        return match.Success
            ? (int.Parse(match.Groups["index"].Value, CultureInfo.InvariantCulture), message[match.Length..])
            : (null, message);
    }

    /// <summary>The ETag header of a sub-response, if any.</summary>
    public static ETag? ETagOf(Part part) => part.Headers.TryGetValue("ETag", out var etag) ? new ETag(etag) : null;

    [GeneratedRegex(@"^HTTP/1\.1 (?<status>\d{3})[^\r\n]*", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex StatusLine();

    [GeneratedRegex(@"^(?<index>\d+):", RegexOptions.CultureInvariant)]
    private static partial Regex IndexPrefix();
}
