using ContinuityOfCare.Core.Directory;
using ContinuityOfCare.Core.Inputs;

namespace ContinuityOfCare.Ingestion.Directory;

/// <summary>What reading a SPOC directory file produced (formats.md, opening section and §4).</summary>
/// <param name="Rows">Rows that parsed, with their line numbers.</param>
/// <param name="Problems">Rows that could not be read, each with its line number and reason.</param>
/// <param name="Warnings">Things that did not stop the file being read (e.g. unknown columns).</param>
/// <param name="FileRejection">Set when the file cannot be read at all (size cap, encoding, missing columns): one clear reason.</param>
public sealed record SpocDirectoryParseResult(
    IReadOnlyList<DirectoryRow> Rows,
    IReadOnlyList<Rejection> Problems,
    IReadOnlyList<Rejection> Warnings,
    Rejection? FileRejection)
{
    /// <summary>A result for a file rejected whole.</summary>
    public static SpocDirectoryParseResult Rejected(Rejection reason, IReadOnlyList<Rejection>? warnings = null) =>
        new([], [], warnings ?? [], reason);
}
