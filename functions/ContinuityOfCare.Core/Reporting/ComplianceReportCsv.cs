using System.Globalization;
using ContinuityOfCare.Core.Time;

namespace ContinuityOfCare.Core.Reporting;

/// <summary>
/// Writes a <see cref="ComplianceReport"/> as CSV (RFC 4180: CRLF line ends, a header row, every cell through
/// <see cref="CsvCell.Escape"/>). One row per figure set, the <c>scope</c> column saying which grouping it belongs to:
/// <c>total</c>, <c>rule</c>, <c>organisation</c> or <c>rule-organisation</c>; a rule or organisation cell is empty when
/// the row spans all of them. Numbers use the invariant culture; undefined percentages and medians are empty cells.
/// </summary>
public static class ComplianceReportCsv
{
    /// <summary>The header row's column names, in order.</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        "from", "to", "generated_at", "scope", "rule", "organisation", "opened", "fulfilled_on_time", "fulfilled_late",
        "overdue_now", "pending", "cancelled", "on_time_percent", "median_lateness_hours",
    ];

    /// <summary>Writes <paramref name="report"/> to <paramref name="writer"/>.</summary>
    public static void Write(TextWriter writer, ComplianceReport report)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(report);
        WriteLine(writer, Columns);
        WriteRow(writer, report, "total", new ComplianceRow(null, null, report.Total));
        foreach (var row in report.ByRule)
        {
            WriteRow(writer, report, "rule", row);
        }

        foreach (var row in report.ByOrganisation)
        {
            WriteRow(writer, report, "organisation", row);
        }

        foreach (var row in report.ByRuleAndOrganisation)
        {
            WriteRow(writer, report, "rule-organisation", row);
        }
    }

    /// <summary>The report as CSV text.</summary>
    public static string ToCsv(ComplianceReport report)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Write(writer, report);
        return writer.ToString();
    }

    private static void WriteRow(TextWriter writer, ComplianceReport report, string scope, ComplianceRow row)
    {
        var f = row.Figures;
        WriteLine(writer,
        [
            LondonTime.FormatIsoUtc(report.From), LondonTime.FormatIsoUtc(report.To), LondonTime.FormatIsoUtc(report.GeneratedAt),
            scope, row.RuleId, row.OwnerOrganisationId, Number(f.Opened), Number(f.FulfilledOnTime), Number(f.FulfilledLate),
            Number(f.OverdueNow), Number(f.Pending), Number(f.Cancelled), Number(f.OnTimePercent), Number(f.MedianLatenessHours),
        ]);
    }

    private static void WriteLine(TextWriter writer, IEnumerable<string?> cells)
    {
        writer.Write(string.Join(",", cells.Select(CsvCell.Escape)));
        writer.Write("\r\n");
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string? Number(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);
}
