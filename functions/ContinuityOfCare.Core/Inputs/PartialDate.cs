namespace ContinuityOfCare.Core.Inputs;

/// <summary>
/// A date of birth given only in part — the year, or the year and month — as a Crown Daily List may carry it
/// (docs/formats.md §1). It can support a name that agrees, never replace a full date (docs/plan.md "Matching").
/// </summary>
/// <param name="Year">The year of birth.</param>
/// <param name="Month">The month of birth (1–12), when given.</param>
public sealed record PartialDate(int Year, int? Month);
