namespace ContinuityOfCare.Core.Matching;

/// <summary>One term of a match weight (docs/plan.md "Match weight"): a field's agreement level and its log₂(m/u).</summary>
/// <param name="Field">The field compared: <c>prior</c>, <c>surname</c>, <c>forename</c>, <c>middleNames</c>, <c>dateOfBirth</c>.</param>
/// <param name="Level">The agreement level, e.g. <c>Same</c>, <c>DayMonthSwapped</c> (for the prior: the register size).</param>
/// <param name="Weight">The term in bits, rounded to two decimals.</param>
public sealed record MatchWeightPart(string Field, string Level, double Weight);
