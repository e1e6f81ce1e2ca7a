namespace ContinuityOfCare.Core.Directory;

/// <summary>A parsed SPOC directory entry with the CSV line it came from (formats.md §4), so every problem names its line.</summary>
/// <param name="Line">1-based line number in the file (the header is line 1).</param>
/// <param name="Entry">The entry.</param>
public sealed record DirectoryRow(int Line, DirectoryEntry Entry);
