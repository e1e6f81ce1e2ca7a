using System.Text;
using System.Text.Json;
using ContinuityOfCare.Core.Time;

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

    /// <summary>Writes <paramref name="report"/> to <paramref name="writer"/> (flushing is the caller's).</summary>
    public static void Write(Utf8JsonWriter writer, ComplianceReport report)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(report);
        writer.WriteStartObject();
        writer.WriteString("from", LondonTime.FormatIsoUtc(report.From));
        writer.WriteString("to", LondonTime.FormatIsoUtc(report.To));
        writer.WriteString("generatedAt", LondonTime.FormatIsoUtc(report.GeneratedAt));
        writer.WriteString("cohort", CohortDescription);
        writer.WritePropertyName("total");
        WriteFigures(writer, report.Total, rule: null, organisation: null, writeRule: false, writeOrganisation: false);
        WriteRows(writer, "byRule", report.ByRule, writeRule: true, writeOrganisation: false);
        WriteRows(writer, "byOrganisation", report.ByOrganisation, writeRule: false, writeOrganisation: true);
        WriteRows(writer, "byRuleAndOrganisation", report.ByRuleAndOrganisation, writeRule: true, writeOrganisation: true);
        writer.WriteEndObject();
    }

    /// <summary>The report as indented UTF-8 JSON text.</summary>
    public static string ToJson(ComplianceReport report, bool indented = true)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented }))
        {
            Write(writer, report);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteRows(Utf8JsonWriter writer, string name, IReadOnlyList<ComplianceRow> rows, bool writeRule, bool writeOrganisation)
    {
        writer.WriteStartArray(name);
        foreach (var row in rows)
        {
            WriteFigures(writer, row.Figures, row.RuleId, row.OwnerOrganisationId, writeRule, writeOrganisation);
        }

        writer.WriteEndArray();
    }

    private static void WriteFigures(
        Utf8JsonWriter writer, ComplianceFigures figures, string? rule, string? organisation, bool writeRule, bool writeOrganisation)
    {
        writer.WriteStartObject();
        if (writeRule)
        {
            writer.WriteString("rule", rule);
        }

        if (writeOrganisation)
        {
            writer.WriteString("organisation", organisation);
        }

        writer.WriteNumber("opened", figures.Opened);
        writer.WriteNumber("fulfilledOnTime", figures.FulfilledOnTime);
        writer.WriteNumber("fulfilledLate", figures.FulfilledLate);
        writer.WriteNumber("overdueNow", figures.OverdueNow);
        writer.WriteNumber("pending", figures.Pending);
        writer.WriteNumber("cancelled", figures.Cancelled);
        WriteNullable(writer, "onTimePercent", figures.OnTimePercent);
        WriteNullable(writer, "medianLatenessHours", figures.MedianLatenessHours);
        writer.WriteEndObject();
    }

    private static void WriteNullable(Utf8JsonWriter writer, string name, decimal? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
