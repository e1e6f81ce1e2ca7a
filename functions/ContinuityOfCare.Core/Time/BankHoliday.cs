using NodaTime;

namespace ContinuityOfCare.Core.Time;

/// <summary>
/// One England-and-Wales bank holiday as the GOV.UK feed names it (formats.md §6), e.g.
/// <c>2026-12-28 "Boxing Day" (notes "Substitute day")</c>.
/// </summary>
/// <param name="Date">The local date of the holiday.</param>
/// <param name="Title">The feed's title, e.g. "Christmas Day".</param>
/// <param name="Notes">The feed's notes, e.g. "Substitute day"; empty when none.</param>
public sealed record BankHoliday(LocalDate Date, string Title, string Notes = "")
{
    /// <summary>The title with its notes, for explanations: "Boxing Day, substitute day".</summary>
    public string Describe() =>
        string.IsNullOrWhiteSpace(Notes) ? Title : $"{Title}, {Notes.Trim().ToLowerInvariant()}";
}
