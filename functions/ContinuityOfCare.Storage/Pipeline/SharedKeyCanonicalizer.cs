using System.Globalization;
using System.Text;

namespace ContinuityOfCare.Storage.Pipeline;

/// <summary>
/// Builds the strings that Shared Key authorization signs ("Authorize with Shared Key", Azure Storage REST reference).
/// Pure functions, so the canonicalisation is unit-tested against examples derived by hand from the documented algorithm.
/// </summary>
internal static class SharedKeyCanonicalizer
{
    private static readonly string[] BlobQueueStandardHeaders =
    [
        "Content-Encoding", "Content-Language", "Content-Length", "Content-MD5", "Content-Type", "Date",
        "If-Modified-Since", "If-Match", "If-None-Match", "If-Unmodified-Since", "Range",
    ];

    /// <summary>
    /// The Blob and Queue service string to sign: the verb, eleven standard headers (Content-Length empty when zero,
    /// as for every version since 2015-02-21), the canonicalized <c>x-ms-*</c> headers and the canonicalized resource
    /// with every query parameter.
    /// </summary>
    public static string BlobQueueStringToSign(SharedKeyRequest request, string accountName)
    {
        var builder = new StringBuilder();
        builder.Append(request.Method.ToUpperInvariant()).Append('\n');
        foreach (var header in BlobQueueStandardHeaders)
        {
            var value = header == "Content-Length"
                ? request.ContentLength is > 0 ? request.ContentLength.Value.ToString(CultureInfo.InvariantCulture) : string.Empty
                : request.Header(header);
            builder.Append(value).Append('\n');
        }

        builder.Append(CanonicalizedHeaders(request.Headers));
        builder.Append(CanonicalizedResource(request.Uri, accountName));
        return builder.ToString();
    }

    /// <summary>
    /// The Table service Shared Key string to sign: verb, Content-MD5, Content-Type, the date (Date header, else
    /// x-ms-date) and the canonicalized resource, which carries only the <c>comp</c> query parameter.
    /// </summary>
    public static string TableStringToSign(SharedKeyRequest request, string accountName)
    {
        var date = request.Header("Date");
        if (date.Length == 0)
        {
            date = request.Header("x-ms-date");
        }

        var resource = new StringBuilder("/").Append(accountName).Append(request.Uri.AbsolutePath);
        var comp = QueryParameters(request.Uri).Where(p => p.Key == "comp").Select(p => p.Value).FirstOrDefault();
        if (comp is not null)
        {
            resource.Append("?comp=").Append(comp);
        }

        return string.Join('\n', request.Method.ToUpperInvariant(), request.Header("Content-MD5"), request.Header("Content-Type"), date, resource);
    }

    /// <summary>
    /// Every <c>x-ms-</c> header, name lower-cased, sorted by name, value trimmed, each followed by a newline.
    /// Inner whitespace is kept: HTTP servers strip only the value's leading and trailing whitespace, and the service
    /// (like Azurite and the official SDKs) signs the value it received, so collapsing inner runs would break the
    /// signature of a value such as <c>"a  b"</c>.
    /// </summary>
    public static string CanonicalizedHeaders(IEnumerable<KeyValuePair<string, string>> headers)
    {
        var builder = new StringBuilder();
        var storageHeaders = headers
            .Where(h => h.Key.StartsWith("x-ms-", StringComparison.OrdinalIgnoreCase))
            .Select(h => (Name: h.Key.ToLowerInvariant(), Value: h.Value.Trim()))
            .OrderBy(h => h.Name, StringComparer.Ordinal);
        foreach (var (name, value) in storageHeaders)
        {
            builder.Append(name).Append(':').Append(value).Append('\n');
        }

        return builder.ToString();
    }

    /// <summary>
    /// <c>/account/escaped-path</c>, then for each query parameter (names lower-cased and sorted, values
    /// percent-decoded, repeated names joined by commas in sorted order) a line <c>\nname:values</c>.
    /// </summary>
    public static string CanonicalizedResource(Uri uri, string accountName)
    {
        var builder = new StringBuilder("/").Append(accountName).Append(uri.AbsolutePath);
        var parameters = QueryParameters(uri)
            .GroupBy(p => p.Key, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var group in parameters)
        {
            builder.Append('\n').Append(group.Key).Append(':')
                .Append(string.Join(',', group.Select(p => p.Value).Order(StringComparer.Ordinal)));
        }

        return builder.ToString();
    }

    private static IEnumerable<KeyValuePair<string, string>> QueryParameters(Uri uri)
    {
        var query = uri.Query.TrimStart('?');
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? pair : pair[..equals];
            var value = equals < 0 ? string.Empty : pair[(equals + 1)..];
            yield return new(Uri.UnescapeDataString(name).ToLowerInvariant(), Uri.UnescapeDataString(value));
        }
    }
}
