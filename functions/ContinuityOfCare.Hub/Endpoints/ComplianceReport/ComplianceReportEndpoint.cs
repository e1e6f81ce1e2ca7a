using System.Globalization;
using ContinuityOfCare.Core.Reporting;
using ContinuityOfCare.Hub.Api;
using ContinuityOfCare.Hub.State;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace ContinuityOfCare.Hub.Endpoints.ComplianceReport;

/// <summary>
/// <c>GET /api/reports/compliance?from=&amp;to=[&amp;format=csv][&amp;owner=A,B]</c>: per rule and per organisation, obligations
/// opened in [from, to): fulfilled on time, late, overdue now, median lateness (docs/domain.md "What the guidance
/// measures"; 004 §6). With <c>owner</c>, the report of those organisations' obligations only (each read from its
/// partition of the owner index): every row, the total and the per-rule rows included, counts only theirs — the
/// report a team member of the operator console downloads.
/// De-personalised: aggregates only (docs/domain.md "Consent and data minimisation"; 002 §54). CSV cells are escaped
/// against formula injection (architecture.md "Security rules") by <see cref="ComplianceReportCsv"/>.
/// </summary>
public sealed class ComplianceReportEndpoint(ObligationStore obligations, TimeProvider time, ILogger<ComplianceReportEndpoint> logger)
    : ApiEndpoint(logger)
{
    /// <summary>The function name.</summary>
    public const string Name = "ComplianceReport";

    /// <summary>The longest period one report may span (the report reads every obligation; a bound keeps a typo cheap).</summary>
    public static readonly Duration MaximumPeriod = Duration.FromDays(3 * 366);

    /// <inheritdoc />
    protected override async Task<HttpResponseOutput> HandleAsync(HttpTriggerInput request, CancellationToken cancellationToken)
    {
        var from = ApiRequest.RequiredInstant(request, "from");
        var to = ApiRequest.RequiredInstant(request, "to");
        var format = ApiRequest.Text(request, "format", maxLength: 8)?.ToLowerInvariant() ?? "json";
        var owners = ApiRequest.Text(request, "owner", maxLength: 500)?
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.Ordinal).ToList();
        if (owners is { Count: 0 } || owners?.Any(o => o.Length > 64) == true)
        {
            throw new ApiProblemException(ApiProblem.BadRequest("'owner' must be one or more organisation codes separated by commas, each at most 64 characters."));
        }

        if (to <= from)
        {
            throw new ApiProblemException(ApiProblem.BadRequest("'to' must be after 'from' (the period is [from, to))."));
        }

        if (to - from > MaximumPeriod)
        {
            throw new ApiProblemException(ApiProblem.BadRequest("The period may span at most three years."));
        }

        if (format is not ("json" or "csv"))
        {
            throw new ApiProblemException(ApiProblem.BadRequest("'format' must be json or csv."));
        }

        var now = Instant.FromDateTimeOffset(time.GetUtcNow());
        var all = new List<StoredObligation>();
        foreach (var owner in owners ?? [null])
        {
            all.AddRange(await obligations.QueryAsync(new ObligationQuery(Owner: owner), cancellationToken).ConfigureAwait(false));
        }

        var report = ComplianceReportBuilder.Build(all.Select(stored => stored.Obligation), from, to, now);
        if (format == "csv")
        {
            var name = string.Create(CultureInfo.InvariantCulture,
                $"compliance-{from.InUtc().Date:yyyyMMdd}-{to.InUtc().Date:yyyyMMdd}.csv");
            return new HttpResponseOutput(200, ComplianceReportCsv.ToCsv(report), new Dictionary<string, string>
            {
                ["Content-Type"] = "text/csv; charset=utf-8",
                ["Content-Disposition"] = $"attachment; filename=\"{name}\"",
                ["Cache-Control"] = "no-store",
                ["X-Content-Type-Options"] = "nosniff",
            });
        }

        return new HttpResponseOutput(200, ComplianceReportJson.ToJson(report, indented: false), new Dictionary<string, string>
        {
            ["Content-Type"] = "application/json; charset=utf-8",
            ["Cache-Control"] = "no-store",
        });
    }
}
