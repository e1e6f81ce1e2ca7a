namespace ContinuityOfCare.Cli.Commands;

/// <summary>The arguments of <c>coc plan</c>.</summary>
/// <param name="ClientsFile">The client register CSV.</param>
/// <param name="DirectoryFile">The SPOC directory CSV.</param>
/// <param name="DirectoryVersion">The directory version number recorded in routing reasons.</param>
/// <param name="BankHolidaysFile">A GOV.UK bank-holidays JSON file, or null for the shipped snapshot.</param>
/// <param name="Now">The plan's "now" (ISO-8601 instant or Europe/London local time), or null for the clock.</param>
/// <param name="CourtLists">Court list JSON files (court code from the file name, <c>CODE__rest.json</c>).</param>
/// <param name="CourtResults">Court results CSV files.</param>
/// <param name="Discharges">Discharge export CSV files.</param>
/// <param name="Json">Print the plan JSON (docs/plan.md) instead of the readable summary.</param>
internal sealed record PlanRequest(
    string? ClientsFile,
    string? DirectoryFile,
    int DirectoryVersion,
    string? BankHolidaysFile,
    string? Now,
    IReadOnlyList<string> CourtLists,
    IReadOnlyList<string> CourtResults,
    IReadOnlyList<string> Discharges,
    bool Json);
