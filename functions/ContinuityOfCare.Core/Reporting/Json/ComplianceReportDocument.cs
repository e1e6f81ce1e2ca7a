using NodaTime;

namespace ContinuityOfCare.Core.Reporting.Json;

/// <summary>The compliance report JSON (docs/operations.md), property for property in the documented order.</summary>
internal sealed record ComplianceReportDocument(
    Instant From,
    Instant To,
    Instant GeneratedAt,
    string Cohort,
    ComplianceFiguresDocument Total,
    IReadOnlyList<ComplianceFiguresDocument> ByRule,
    IReadOnlyList<ComplianceFiguresDocument> ByOrganisation,
    IReadOnlyList<ComplianceFiguresDocument> ByRuleAndOrganisation);
