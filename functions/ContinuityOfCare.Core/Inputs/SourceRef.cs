namespace ContinuityOfCare.Core.Inputs;

/// <summary>
/// Where a record came from: the file, and its line number (CSV, 1-based, the header is line 1) or JSON path.
/// Every rejected record is reported with one of these (formats.md, opening section).
/// </summary>
/// <param name="SourceFile">The file name (not a full local path) or upload name.</param>
/// <param name="Line">1-based line number for CSV records.</param>
/// <param name="JsonPath">JSON path for JSON records, e.g. <c>$.courtLists[0].courtHouse.courtRoom[1]…</c>.</param>
public sealed record SourceRef(string SourceFile, int? Line = null, string? JsonPath = null)
{
    /// <inheritdoc />
    public override string ToString() =>
        Line is { } line ? $"{SourceFile}:{line}" : JsonPath is { } path ? $"{SourceFile} {path}" : SourceFile;
}
