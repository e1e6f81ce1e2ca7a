using System.Globalization;
using Azure;

namespace ContinuityOfCare.Storage.Blobs;

/// <summary>Reads blob properties and metadata from response headers.</summary>
internal static class BlobResponseHeaders
{
    private const string MetaPrefix = "x-ms-meta-";

    /// <summary>The properties carried by a Get Blob / Get Blob Properties response.</summary>
    public static BlobProperties Properties(Response response)
    {
        var headers = response.Headers;
        return new BlobProperties(
            headers.TryGetValue("Content-Length", out var length) ? long.Parse(length, CultureInfo.InvariantCulture) : 0,
            headers.ContentType,
            headers.ETag ?? default,
            LastModified(response),
            Metadata(response),
            headers.TryGetValue("x-ms-lease-state", out var leaseState) ? leaseState : null,
            headers.TryGetValue("x-ms-copy-status", out var copyStatus) ? copyStatus : null);
    }

    /// <summary>The <c>Last-Modified</c> header.</summary>
    public static DateTimeOffset LastModified(Response response) =>
        response.Headers.TryGetValue("Last-Modified", out var text)
            ? DateTimeOffset.ParseExact(text, "R", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal)
            : default;

    /// <summary>The <c>x-ms-meta-*</c> headers as a dictionary (names case-insensitive).</summary>
    public static IReadOnlyDictionary<string, string> Metadata(Response response) =>
        response.Headers
            .Where(h => h.Name.StartsWith(MetaPrefix, StringComparison.OrdinalIgnoreCase))
            .ToDictionary(h => h.Name[MetaPrefix.Length..], h => h.Value, StringComparer.OrdinalIgnoreCase);
}
