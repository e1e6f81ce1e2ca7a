namespace ContinuityOfCare.Core.Reporting;

/// <summary>One row of the compliance report: the figures of one rule, one owner organisation, or one rule at one organisation.</summary>
/// <param name="RuleId">The obligation rule; null in a row that spans every rule.</param>
/// <param name="OwnerOrganisationId">The owner organisation's directory code; null in a row that spans every organisation.</param>
/// <param name="Figures">The figures.</param>
public sealed record ComplianceRow(string? RuleId, string? OwnerOrganisationId, ComplianceFigures Figures);
