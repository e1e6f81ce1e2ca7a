using NodaTime;

namespace ContinuityOfCare.Core.Reporting;

/// <summary>
/// The de-personalised compliance report (docs/domain.md "What the guidance measures"; "Consent and data minimisation":
/// monitoring output is aggregates). The cohort is every obligation opened in [<see cref="From"/>, <see cref="To"/>);
/// outcomes are as at <see cref="GeneratedAt"/>. Rows are in ordinal order of rule, then organisation.
/// Built by <see cref="ComplianceReportBuilder"/>; written by <see cref="ComplianceReportJson"/> and <see cref="ComplianceReportCsv"/>.
/// </summary>
/// <param name="From">Start of the period (inclusive).</param>
/// <param name="To">End of the period (exclusive).</param>
/// <param name="GeneratedAt">The instant "overdue now" and "pending" are judged at.</param>
/// <param name="Total">Every rule at every organisation.</param>
/// <param name="ByRule">One row per rule (organisation null).</param>
/// <param name="ByOrganisation">One row per owner organisation (rule null).</param>
/// <param name="ByRuleAndOrganisation">One row per rule at each owner organisation.</param>
public sealed record ComplianceReport(
    Instant From,
    Instant To,
    Instant GeneratedAt,
    ComplianceFigures Total,
    IReadOnlyList<ComplianceRow> ByRule,
    IReadOnlyList<ComplianceRow> ByOrganisation,
    IReadOnlyList<ComplianceRow> ByRuleAndOrganisation);
