namespace ContinuityOfCare.Core.Directory;

/// <summary>An entry present in both versions whose fields differ (formats.md §4: the refresh diff).</summary>
/// <param name="OrgCode">The organisation.</param>
/// <param name="ChangedFields">The CSV column names whose values differ, in column order.</param>
/// <param name="Previous">The entry in the previous version.</param>
/// <param name="Current">The entry in the new version.</param>
public sealed record DirectoryEntryChange(
    string OrgCode,
    IReadOnlyList<string> ChangedFields,
    DirectoryEntry Previous,
    DirectoryEntry Current);
