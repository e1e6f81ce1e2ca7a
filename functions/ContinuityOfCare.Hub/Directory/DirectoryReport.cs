using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ContinuityOfCare.Core.Directory;
using ContinuityOfCare.Core.Inputs;

namespace ContinuityOfCare.Hub.Directory;

/// <summary>
/// The import report, as JSON (for tools) and readable text (for the operator): the outcome, then every problem with
/// its line number, or the diff (formats.md §4).
/// </summary>
public static class DirectoryReport
{
    /// <summary>The JSON report.</summary>
    public static string ToJson(DirectoryImportOutcome outcome, string sourceName, string sha256, DateTimeOffset importedAt)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        static JsonArray Problems(IEnumerable<Rejection> problems) =>
            new([.. problems.Select(problem => (JsonNode)new JsonObject { ["line"] = problem.Where.Line, ["reason"] = problem.Reason })]);

        var report = new JsonObject
        {
            ["source"] = sourceName,
            ["sha256"] = sha256,
            ["importedAt"] = importedAt.ToString("O", CultureInfo.InvariantCulture),
            ["status"] = outcome.Status,
            ["version"] = outcome.Version,
            ["previousVersion"] = outcome.PreviousVersion,
            ["problems"] = Problems(outcome.Problems),
            ["warnings"] = Problems(outcome.Warnings),
        };
        if (outcome.Diff is { } diff)
        {
            report["diff"] = new JsonObject
            {
                ["added"] = new JsonArray([.. diff.Added.Select(entry => (JsonNode)entry.OrgCode)]),
                ["removed"] = new JsonArray([.. diff.Removed.Select(entry => (JsonNode)entry.OrgCode)]),
                ["changed"] = new JsonArray([.. diff.Changed.Select(change => (JsonNode)new JsonObject
                {
                    ["orgCode"] = change.OrgCode,
                    ["fields"] = new JsonArray([.. change.ChangedFields.Select(field => (JsonNode)field)]),
                })]),
            };
        }

        return report.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    /// <summary>The readable report.</summary>
    public static string ToText(DirectoryImportOutcome outcome, string sourceName, DateTimeOffset importedAt)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var text = new StringBuilder();
        var culture = CultureInfo.InvariantCulture;
        text.AppendLine(culture, $"SPOC directory import of {sourceName} at {importedAt:yyyy-MM-dd HH:mm:ss} UTC");
        text.AppendLine(outcome.Status switch
        {
            DirectoryImportOutcome.Accepted => string.Create(culture, $"ACCEPTED: version {outcome.Version} is now live (previously {Describe(outcome.PreviousVersion)})."),
            DirectoryImportOutcome.Unchanged => string.Create(culture, $"UNCHANGED: the file is identical to live version {outcome.Version}; nothing stored."),
            _ => string.Create(culture, $"REJECTED: {outcome.Problems.Count} problem(s); {Describe(outcome.PreviousVersion)} stays live."),
        });
        if (outcome.Problems.Count > 0)
        {
            text.AppendLine().AppendLine("Problems:");
            foreach (var problem in outcome.Problems)
            {
                text.AppendLine(problem.Where.Line is { } line ? string.Create(culture, $"  line {line}: {problem.Reason}") : $"  file: {problem.Reason}");
            }
        }

        if (outcome.Warnings.Count > 0)
        {
            text.AppendLine().AppendLine("Warnings:");
            foreach (var warning in outcome.Warnings)
            {
                text.AppendLine(culture, $"  {warning.Reason}");
            }
        }

        if (outcome.Diff is { } diff && outcome.Status != DirectoryImportOutcome.Unchanged)
        {
            text.AppendLine().AppendLine(outcome.Status == DirectoryImportOutcome.Accepted ? "Changes:" : "Changes the file would have made:");
            AppendDiff(text, diff);
        }

        return text.ToString();
    }

    private static void AppendDiff(StringBuilder text, DirectoryDiff diff)
    {
        var culture = CultureInfo.InvariantCulture;
        if (diff.IsEmpty)
        {
            text.AppendLine("  none");
        }

        foreach (var entry in diff.Added)
        {
            text.AppendLine(culture, $"  + {entry.OrgCode} ({entry.OrgType.ToCode()}) {entry.OrgName}");
        }

        foreach (var entry in diff.Removed)
        {
            text.AppendLine(culture, $"  - {entry.OrgCode} ({entry.OrgType.ToCode()}) {entry.OrgName}");
        }

        foreach (var change in diff.Changed)
        {
            text.AppendLine(culture, $"  ~ {change.OrgCode}: {string.Join(", ", change.ChangedFields)}");
        }
    }

    private static string Describe(int? version) => version is { } number ? string.Create(CultureInfo.InvariantCulture, $"version {number}") : "no version";
}
