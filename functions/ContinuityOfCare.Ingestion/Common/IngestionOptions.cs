namespace ContinuityOfCare.Ingestion.Common;

/// <summary>
/// Limits and reference data for the input parsers (formats.md, opening section; architecture.md "Security rules":
/// size caps on every upload).
/// </summary>
public sealed record IngestionOptions
{
    /// <summary>The default size cap: 200 MB (docs/formats.md "Common rules").</summary>
    public const long DefaultMaxFileBytes = 200L * 1024 * 1024;

    /// <summary>The default longest CSV cell, in characters.</summary>
    public const int DefaultMaxCellChars = 10_000;

    /// <summary>The defaults.</summary>
    public static IngestionOptions Default { get; } = new();

    /// <summary>The largest file accepted, in bytes; a larger file is rejected whole.</summary>
    public long MaxFileBytes { get; init; } = DefaultMaxFileBytes;

    /// <summary>The longest CSV cell accepted, in characters; a row with a longer cell is rejected.</summary>
    public int MaxCellChars { get; init; } = DefaultMaxCellChars;

    /// <summary>
    /// Prison names the court results' <c>establishment</c> column may use instead of a NOMIS code
    /// (formats.md §2: "a prison name that the reference list resolves"). Keys are matched case-insensitively.
    /// </summary>
    public IReadOnlyDictionary<string, string> PrisonNames { get; init; } = PrisonReference.Names;
}
