using ContinuityOfCare.Core.Identifiers;
using NodaTime;

namespace ContinuityOfCare.Core.Inputs;

/// <summary>
/// What an input says about a person, for matching against the client register (docs/domain.md "Matching").
/// Identifiers are present only when valid: an invalid one is reported as a warning and not used.
/// </summary>
/// <param name="Surname">Surname, when given.</param>
/// <param name="Forenames">Forename(s), space-separated, when given.</param>
/// <param name="DateOfBirth">Date of birth, when given and parseable.</param>
/// <param name="Pnc">Valid PNC id, when given.</param>
/// <param name="Cro">Valid CRO number, when given.</param>
/// <param name="Noms">Valid NOMS number, when given.</param>
/// <param name="Asn">Arrest/Summons Number, when given and well-formed (not used for matching).</param>
/// <param name="NameUsableForMatching">
/// False when the name must not be used for matching: Crown list defendants with <c>IsMasked: "yes"</c> (formats.md §1).
/// </param>
/// <param name="PartialDateOfBirth">
/// The year (and month) of birth when only part of the date is given and <paramref name="DateOfBirth"/> is therefore null.
/// </param>
public sealed record PersonParticulars(
    string? Surname,
    string? Forenames,
    LocalDate? DateOfBirth,
    PncId? Pnc = null,
    CroNumber? Cro = null,
    NomsNumber? Noms = null,
    string? Asn = null,
    bool NameUsableForMatching = true,
    PartialDate? PartialDateOfBirth = null);
