using System.Buffers.Text;

namespace ContinuityOfCare.Core.Feeds;

/// <summary>
/// The scheduled ingestion's decision (docs/pipeline.md "Functions": scan the inbox containers and enqueue each new
/// file once, SHA-256 idempotency; formats.md: the same file twice is processed once). Pure: given the listing and the
/// set of already-ingested keys (<see cref="InboxScanEntry.IngestKey"/>), it says which blobs to enqueue. Content-
/// addressed: the same bytes under two names are enqueued once. Deterministic: reference-data inboxes first
/// (<see cref="InboxContainers.Inboxes"/> order), then blob names in ordinal order; of duplicates the first wins.
/// </summary>
public static class InboxScan
{
    /// <summary>Decides what to enqueue from <paramref name="listing"/>.</summary>
    /// <param name="listing">The blobs currently in the containers scanned.</param>
    /// <param name="alreadyIngested">Keys already ingested or enqueued (<see cref="KeyForSha256"/> for a stored SHA-256).</param>
    public static InboxScanPlan Plan(IEnumerable<InboxScanEntry> listing, IReadOnlySet<string> alreadyIngested)
    {
        ArgumentNullException.ThrowIfNull(listing);
        ArgumentNullException.ThrowIfNull(alreadyIngested);

        var toEnqueue = new List<InboxScanEntry>();
        var ingested = new List<InboxScanEntry>();
        var duplicates = new List<InboxScanEntry>();
        var notInbox = new List<InboxScanEntry>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var ordered = listing
            .Where(e => e is not null)
            .OrderBy(e => InboxOrder(e.Container))
            .ThenBy(e => e.Container, StringComparer.Ordinal)
            .ThenBy(e => e.Name, StringComparer.Ordinal);
        foreach (var entry in ordered)
        {
            if (InboxOrder(entry.Container) == int.MaxValue)
            {
                notInbox.Add(entry);
                continue;
            }

            var key = entry.IngestKey;
            if (alreadyIngested.Contains(key))
            {
                ingested.Add(entry);
            }
            else if (!seen.Add(key))
            {
                duplicates.Add(entry);
            }
            else
            {
                toEnqueue.Add(entry);
            }
        }

        return new InboxScanPlan(toEnqueue, ingested, duplicates, notInbox);
    }

    /// <summary>The ingest key of a known SHA-256 (hex or base64): <c>sha256:&lt;64 lower-case hex&gt;</c>.</summary>
    /// <exception cref="ArgumentException">The text is not a SHA-256 in hex or base64.</exception>
    public static string KeyForSha256(string sha256) =>
        TryNormaliseSha256(sha256, out var hex)
            ? "sha256:" + hex
            : throw new ArgumentException("Not a SHA-256 digest (64 hex characters or 32 bytes of base64).", nameof(sha256));

    /// <summary>A SHA-256 as 64 lower-case hex characters, from hex (either case) or base64/base64url of 32 bytes.</summary>
    public static bool TryNormaliseSha256(string? text, out string hex)
    {
        hex = "";
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var trimmed = text.Trim();
        if (trimmed.Length == 64 && trimmed.All(char.IsAsciiHexDigit))
        {
            hex = trimmed.ToLowerInvariant();
            return true;
        }

        // 32 bytes are 43 base64 characters, 44 with padding; anything else is not a SHA-256.
        if (trimmed.Length is not (43 or 44))
        {
            return false;
        }

        Span<byte> digest = stackalloc byte[48];
        if ((Convert.TryFromBase64String(trimmed, digest, out var written)
             || (trimmed.Length % 4 != 1 && Base64Url.IsValid(trimmed) && Base64Url.TryDecodeFromChars(trimmed, digest, out written)))
            && written == 32)
        {
            hex = Convert.ToHexStringLower(digest[..32]);
            return true;
        }

        return false;
    }

    private static int InboxOrder(string? container)
    {
        for (var i = 0; i < InboxContainers.Inboxes.Count; i++)
        {
            if (string.Equals(InboxContainers.Inboxes[i], container, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return int.MaxValue;
    }
}
