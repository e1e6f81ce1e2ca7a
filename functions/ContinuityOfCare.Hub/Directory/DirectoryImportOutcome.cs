using ContinuityOfCare.Core.Directory;
using ContinuityOfCare.Core.Inputs;

namespace ContinuityOfCare.Hub.Directory;

/// <summary>The result of one SPOC directory import.</summary>
/// <param name="Status"><c>accepted</c> (a new live version), <c>unchanged</c> (same bytes as the live version) or <c>rejected</c>.</param>
/// <param name="Version">The live version after the import (null when there is none).</param>
/// <param name="PreviousVersion">The live version before the import.</param>
/// <param name="Problems">Every problem, each with its line number where it has one (empty unless rejected).</param>
/// <param name="Warnings">Things that did not stop the import (unknown columns).</param>
/// <param name="Diff">What changed (accepted), or what would have changed (rejected after parsing); null when unreadable.</param>
/// <param name="ReportBlobs">The report blobs written (JSON and text), as <c>container/name</c>.</param>
public sealed record DirectoryImportOutcome(
    string Status,
    int? Version,
    int? PreviousVersion,
    IReadOnlyList<Rejection> Problems,
    IReadOnlyList<Rejection> Warnings,
    DirectoryDiff? Diff,
    IReadOnlyList<string> ReportBlobs)
{
    /// <summary>When the import ran (UTC).</summary>
    public DateTimeOffset ImportedAt { get; init; }

    /// <summary>The file became the live version.</summary>
    public const string Accepted = "accepted";

    /// <summary>The file is identical to the live version; nothing was stored.</summary>
    public const string Unchanged = "unchanged";

    /// <summary>The file was refused; the previous version stays live.</summary>
    public const string Rejected = "rejected";
}
