using Azure;
using ContinuityOfCare.Core.Directory;

namespace ContinuityOfCare.Hub.Directory;

/// <summary>The live directory as stored: its entries (null before the first import) and the pointer's state.</summary>
/// <param name="Live">The live version, or null.</param>
/// <param name="SourceSha256">The SHA-256 of the file the live version came from.</param>
/// <param name="LatestAllocated">The highest version number ever allocated (versions are never reused).</param>
/// <param name="PointerETag">The pointer row's ETag (default when no pointer exists yet).</param>
public sealed record StoredDirectory(SpocDirectory? Live, string? SourceSha256, int LatestAllocated, ETag PointerETag);
