using ContinuityOfCare.Core.Inputs;
using NodaTime;

namespace ContinuityOfCare.Core.Matching;

/// <summary>A person's or client's names folded once (<see cref="NameFolding"/>) with the date of birth, ready to compare.</summary>
/// <param name="Surname">The surname's comparison key (empty when none).</param>
/// <param name="Forenames">The forename words, first forename first (empty when none).</param>
/// <param name="DateOfBirth">The full date of birth, when given.</param>
/// <param name="PartialDateOfBirth">The year (and month) of birth, when only that is given.</param>
public sealed record FoldedParticulars(string Surname, string[] Forenames, LocalDate? DateOfBirth, PartialDate? PartialDateOfBirth = null)
{
    /// <summary>The first forename, or the empty string.</summary>
    public string FirstForename => Forenames.Length == 0 ? string.Empty : Forenames[0];

    /// <summary>Folds what a record says; a masked name (formats.md §1) folds to no name at all.</summary>
    public static FoldedParticulars Of(PersonParticulars person)
    {
        ArgumentNullException.ThrowIfNull(person);
        return person.NameUsableForMatching
            ? new(NameFolding.Surname(person.Surname), NameFolding.Forenames(person.Forenames), person.DateOfBirth, person.PartialDateOfBirth)
            : new(string.Empty, [], person.DateOfBirth, person.PartialDateOfBirth);
    }
}
