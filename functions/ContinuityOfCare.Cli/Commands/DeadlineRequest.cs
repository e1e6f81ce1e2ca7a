namespace ContinuityOfCare.Cli.Commands;

/// <summary>The arguments of <c>coc deadline</c>, as typed (validated by <see cref="DeadlineCommand.RunAsync"/>).</summary>
/// <param name="RuleId">The obligation rule id.</param>
/// <param name="Start">The start time text.</param>
/// <param name="Date">The reference date text (weeks-before rules), or null.</param>
/// <param name="BankHolidaysFile">A GOV.UK bank-holidays file, or null for the shipped snapshot.</param>
/// <param name="Json">Print JSON instead of text.</param>
internal sealed record DeadlineRequest(string? RuleId, string? Start, string? Date, string? BankHolidaysFile, bool Json);
