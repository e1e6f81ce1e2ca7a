namespace ContinuityOfCare.Ingestion.Directory;

/// <summary>Limits for reading a SPOC directory file (architecture.md "Security rules": size caps on every upload).</summary>
public sealed record SpocDirectoryParserOptions
{
    /// <summary>The largest file accepted, in bytes (default 5 MiB: a national directory is a few hundred rows).</summary>
    public long MaxFileBytes { get; init; } = 5 * 1024 * 1024;

    /// <summary>The longest cell accepted, in characters; a longer cell rejects its row.</summary>
    public int MaxFieldLength { get; init; } = 1_000;
}
