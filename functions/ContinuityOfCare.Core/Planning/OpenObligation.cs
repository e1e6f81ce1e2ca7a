namespace ContinuityOfCare.Core.Planning;

/// <summary>An obligation opened by this plan and still open, with the prison it concerns (for closing rules).</summary>
internal sealed record OpenObligation(PlannedObligation Obligation, string? Prison);
