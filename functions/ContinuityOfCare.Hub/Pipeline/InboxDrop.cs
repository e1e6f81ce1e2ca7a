using System.Security.Cryptography;
using ContinuityOfCare.Hub.Pipeline.Messages;

namespace ContinuityOfCare.Hub.Pipeline;

/// <summary>
/// A file dropped in an inbox container becomes one ingest message carrying its SHA-256 (the ingest step's
/// idempotency key), so a drop seen twice — by the blob trigger and by the scheduled sweep — is ingested once.
/// </summary>
public static class InboxDrop
{
    /// <summary>The ingest message for a dropped file.</summary>
    public static IngestMessage MessageFor(string container, string name, ReadOnlySpan<byte> content) =>
        new(container, name, Convert.ToHexStringLower(SHA256.HashData(content)));
}
