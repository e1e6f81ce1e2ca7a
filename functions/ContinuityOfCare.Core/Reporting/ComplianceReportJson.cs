using System.Text.Json;
using ContinuityOfCare.Core.Reporting.Json;
using NodaTime.Serialization.SystemTextJson;

namespace ContinuityOfCare.Core.Reporting;

/// <summary>
/// Writes a <see cref="ComplianceReport"/> as JSON in a fixed property order (the same report always gives the same
/// bytes): <c>{"from","to","generatedAt","cohort","total":{…},"byRule":[…],"byOrganisation":[…],"byRuleAndOrganisation":[…]}</c>.
/// Instants are ISO-8601 UTC; figures are <c>opened, fulfilledOnTime, fulfilledLate, overdueNow, pending, cancelled,
/// onTimePercent, medianLatenessHours</c> (the last two null when undefined). docs/operations.md describes each field.
/// </summary>
public static class ComplianceReportJson
{
    /// <summary>What the cohort is, written into every report so a reader never has to guess.</summary>
    public const string CohortDescription = "obligations opened in [from, to); outcomes as at generatedAt";

    private static readonly ComplianceReportJsonContext Indented = Context(indented: true);
    private static readonly ComplianceReportJsonContext Compact = Context(indented: false);

    /// <summary>Writes <paramref name="report"/> to <paramref name="writer"/> (flushing is the caller's).</summary>
    public static void Write(Utf8JsonWriter writer, ComplianceReport report)
    {
        ArgumentNullException.ThrowIfNull(writer);
        JsonSerializer.Serialize(writer, Document(report), Compact.ComplianceReportDocument);
    }

    /// <summary>The report as UTF-8 JSON text, indented unless <paramref name="indented"/> is false.</summary>
    public static string ToJson(ComplianceReport report, bool indented = true) =>
        JsonSerializer.Serialize(Document(report), (indented ? Indented : Compact).ComplianceReportDocument);

    private static ComplianceReportDocument Document(ComplianceReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new ComplianceReportDocument(
            report.From,
            report.To,
            report.GeneratedAt,
            CohortDescription,
            ComplianceFiguresDocument.From(report.Total),
            [.. report.ByRule.Select(row => ComplianceFiguresDocument.From(row.Figures, rule: row.RuleId))],
            [.. report.ByOrganisation.Select(row => ComplianceFiguresDocument.From(row.Figures, organisation: row.OwnerOrganisationId))],
            [.. report.ByRuleAndOrganisation.Select(row => ComplianceFiguresDocument.From(row.Figures, row.RuleId, row.OwnerOrganisationId))]);
    }

    private static ComplianceReportJsonContext Context(bool indented)
    {
        // Instants as ISO-8601 UTC ("2026-12-01T00:00:00Z"): NodaTime's own converter.
        var options = new JsonSerializerOptions(ComplianceReportJsonContext.Default.Options) { WriteIndented = indented };
        options.Converters.Add(NodaConverters.InstantConverter);
        return new ComplianceReportJsonContext(options);
    }
}
