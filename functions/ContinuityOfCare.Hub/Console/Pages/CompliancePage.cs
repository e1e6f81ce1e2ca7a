using System.Globalization;
using System.Text;
using System.Text.Json;
using ContinuityOfCare.Core.Time;
using ContinuityOfCare.Hub.Api;
using ContinuityOfCare.Hub.Endpoints.ComplianceReport;
using NodaTime;
using static ContinuityOfCare.Hub.Console.Html;

namespace ContinuityOfCare.Hub.Console.Pages;

/// <summary>
/// Compliance for one month (Europe/London): % of obligations met on time per rule and per team, as tables and an
/// accessible SVG bar chart, and the de-personalised CSV of <see cref="ComplianceReportEndpoint"/> — the same report,
/// computed once, by the API's endpoint. A team member's page and CSV are the report of its own teams' obligations only
/// (the endpoint's <c>owner</c> filter): no other team's row, and totals and per-rule figures that count only theirs.
/// The operator's are the whole report.
/// </summary>
public sealed class CompliancePage(ComplianceReportEndpoint report, IClock clock) : IConsolePage
{
    /// <inheritdoc />
    public string Section => "compliance";

    /// <inheritdoc />
    public bool OperatorOnly => false;

    /// <inheritdoc />
    public async Task<HttpResponseOutput> GetAsync(ConsoleContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.User.IsOperator && context.User.Organisations.Count == 0)
        {
            // A team member without a team would otherwise get an unfiltered report.
            return context.NotFound();
        }

        var month = Month(context.Request.Query("month"));
        var from = LondonTime.ToInstant(month.AtMidnight());
        var to = LondonTime.ToInstant(month.PlusMonths(1).AtMidnight());
        var query = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["from"] = InstantText(from),
            ["to"] = InstantText(to),
        };
        if (!context.User.IsOperator)
        {
            query["owner"] = string.Join(',', context.User.Organisations.Order(StringComparer.Ordinal));
        }

        if (context.Rest is ["csv"])
        {
            query["format"] = "csv";
            return ConsoleResponses.Secure(await report.InvokeAsync(ConsoleCalls.Input("GET", [], query), cancellationToken).ConfigureAwait(false));
        }

        if (context.Rest is not [])
        {
            return context.NotFound();
        }

        var answer = await report.InvokeAsync(ConsoleCalls.Input("GET", [], query), cancellationToken).ConfigureAwait(false);
        using var document = JsonDocument.Parse(answer.Body ?? "{}");
        var root = document.RootElement;
        var monthText = month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var main = new StringBuilder(Heading("Compliance", month.ToString("MMMM yyyy", CultureInfo.InvariantCulture)));
        main.Append($"<form method=\"get\" action=\"{ConsolePaths.To("compliance")}\" novalidate>")
            .Append(Input("month", "Month", monthText, hint: "Obligations opened in this month (Europe/London), for example 2026-12", width: 10))
            .Append(Button("Show month", "secondary")).Append("</form>")
            .Append("<p class=\"govuk-body\">")
            .Append(Link(ConsolePaths.To("compliance/csv?month=" + monthText), "Download the report as CSV", context.User.IsOperator ? "(de-personalised)" : "(de-personalised, your teams)"))
            .Append("</p>");

        var byOrganisation = Rows(root, "byOrganisation", "organisation").Where(r => context.User.Sees(r.Key)).ToList();
        var byRule = context.User.IsOperator ? Rows(root, "byRule", "rule").ToList()
            : Rows(root, "byRuleAndOrganisation", "rule").ToList();
        main.Append(Chart("On time by team", byOrganisation));
        main.Append(Table("By team", ["Team", "Opened", "On time", "Late", "Overdue now", "Pending", "% on time"], byOrganisation.Select(Cells), new HashSet<int> { 1, 2, 3, 4, 5, 6 }));
        main.Append(Table(context.User.IsOperator ? "By rule" : "By rule (your teams)", ["Rule", "Opened", "On time", "Late", "Overdue now", "Pending", "% on time"],
            byRule.Select(Cells), new HashSet<int> { 1, 2, 3, 4, 5, 6 }));
        return context.Page("Compliance", main.ToString());
    }

    /// <inheritdoc />
    public Task<HttpResponseOutput> PostAsync(ConsoleContext context, CancellationToken cancellationToken) =>
        Task.FromResult(context?.NotFound() ?? throw new ArgumentNullException(nameof(context)));

    private LocalDate Month(string? text) =>
        text is not null && DateTime.TryParseExact(text, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) && parsed.Year is >= 2000 and <= 2100
            ? new LocalDate(parsed.Year, parsed.Month, 1)
            : LondonTime.ToLocal(clock.GetCurrentInstant()).Date.With(DateAdjusters.StartOfMonth);

    private static string InstantText(Instant instant) => NodaTime.Text.InstantPattern.ExtendedIso.Format(instant);

    private static IEnumerable<ReportRow> Rows(JsonElement root, string property, string key) =>
        root.TryGetProperty(property, out var rows)
            ? rows.EnumerateArray().Select(r => new ReportRow(
                r.GetProperty(key).GetString() ?? "",
                r.TryGetProperty("organisation", out var org) ? org.GetString() : null,
                r.GetProperty("opened").GetInt32(), r.GetProperty("fulfilledOnTime").GetInt32(), r.GetProperty("fulfilledLate").GetInt32(),
                r.GetProperty("overdueNow").GetInt32(), r.GetProperty("pending").GetInt32(),
                r.TryGetProperty("onTimePercent", out var pct) && pct.ValueKind == JsonValueKind.Number ? pct.GetDouble() : null))
            : [];

    private static IReadOnlyList<string> Cells(ReportRow r) =>
    [
        E(r.Organisation is { } org && org != r.Key ? $"{r.Key} at {org}" : r.Key), E(N(r.Opened)), E(N(r.OnTime)), E(N(r.Late)), E(N(r.Overdue)), E(N(r.Pending)),
        E(r.OnTimePercent is { } p ? p.ToString("0.0", CultureInfo.InvariantCulture) + "%" : "—"),
    ];

    // A horizontal bar per team: % on time. role="img" with a title and a description naming every value, so a
    // screen reader gets the chart's content; the same figures are in the table below it.
    private static string Chart(string title, IReadOnlyList<ReportRow> rows)
    {
        const int barHeight = 24, gap = 8, labelWidth = 110, chartWidth = 400;
        var height = Math.Max(1, rows.Count) * (barHeight + gap) + gap;
        var description = rows.Count == 0 ? "No obligations were opened in this month."
            : string.Join("; ", rows.Select(r => $"{r.Key}: {(r.OnTimePercent is { } p ? p.ToString("0.0", CultureInfo.InvariantCulture) + "% on time" : "none due yet")}"));
        var svg = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"<figure class=\"app-chart\"><svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"chart-title chart-desc\" viewBox=\"0 0 {labelWidth + chartWidth + 70} {height}\" width=\"100%\" height=\"{height}\">")
            .Append("<title id=\"chart-title\">").Append(E(title)).Append("</title><desc id=\"chart-desc\">").Append(E(description)).Append("</desc>");
        var y = gap;
        foreach (var row in rows)
        {
            var width = (int)Math.Round((row.OnTimePercent ?? 0) / 100.0 * chartWidth);
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{y + 17}\" font-size=\"16\" fill=\"#0b0c0c\">{E(row.Key)}</text>")
                .Append(CultureInfo.InvariantCulture, $"<rect x=\"{labelWidth}\" y=\"{y}\" width=\"{chartWidth}\" height=\"{barHeight}\" fill=\"#f3f2f1\"></rect>")
                .Append(CultureInfo.InvariantCulture, $"<rect x=\"{labelWidth}\" y=\"{y}\" width=\"{width}\" height=\"{barHeight}\" fill=\"#1d70b8\"></rect>")
                .Append(CultureInfo.InvariantCulture, $"<text x=\"{labelWidth + chartWidth + 6}\" y=\"{y + 17}\" font-size=\"16\" fill=\"#0b0c0c\">{E(row.OnTimePercent is { } p ? p.ToString("0", CultureInfo.InvariantCulture) + "%" : "—")}</text>");
            y += barHeight + gap;
        }

        return svg.Append("</svg><figcaption class=\"govuk-body-s\">").Append(E(title)).Append(": % of obligations fulfilled on time.</figcaption></figure>").ToString();
    }

    private sealed record ReportRow(string Key, string? Organisation, int Opened, int OnTime, int Late, int Overdue, int Pending, double? OnTimePercent);
}
