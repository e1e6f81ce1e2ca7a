using System.Globalization;

namespace ContinuityOfCare.Core.Feeds;

/// <summary>
/// One blob in an inbox listing, as the scheduled scan sees it (formats.md: "Files are identified by the SHA-256 of
/// their bytes: the same file twice is processed once").
/// </summary>
/// <param name="Container">The inbox container (<see cref="InboxContainers"/>).</param>
/// <param name="Name">The blob name.</param>
/// <param name="ContentSha256">The SHA-256 of the bytes, hex (either case) or base64, when the listing knows it (e.g. from blob metadata); else null.</param>
/// <param name="ETag">The blob's ETag, identifying this version of the blob when no SHA-256 is known.</param>
public sealed record InboxScanEntry(string Container, string Name, string? ContentSha256 = null, string? ETag = null)
{
    /// <summary>
    /// The idempotency key: <c>sha256:&lt;64 lower-case hex&gt;</c> when the content hash is known (content-addressed: the
    /// same bytes under two names share it); otherwise <c>etag:&lt;container&gt;/&lt;name&gt;@&lt;etag&gt;</c> (a blob version —
    /// the ingest function still de-duplicates by SHA-256 once it has the bytes); otherwise <c>name:&lt;container&gt;/&lt;name&gt;</c>.
    /// </summary>
    public string IngestKey => InboxScan.TryNormaliseSha256(ContentSha256, out var hex)
        ? InboxScan.KeyForSha256(hex)
        : !string.IsNullOrWhiteSpace(ETag)
            ? string.Create(CultureInfo.InvariantCulture, $"etag:{Container}/{Name}@{ETag.Trim().Trim('"')}")
            : $"name:{Container}/{Name}";
}
