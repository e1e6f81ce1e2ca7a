using ContinuityOfCare.Core.Identifiers;
using NodaTime;

namespace ContinuityOfCare.Core.Clients;

/// <summary>
/// A known client from the client register (formats.md §5). Only clients are kept; nothing is kept about people
/// who are not clients (docs/domain.md "Consent and data minimisation").
/// </summary>
/// <param name="Id">The owning case system's opaque id (<c>client_id</c>); safe to log.</param>
/// <param name="Surname">Surname as recorded.</param>
/// <param name="Forenames">Forename(s) as recorded, space-separated.</param>
/// <param name="DateOfBirth">Date of birth.</param>
/// <param name="Gender">As recorded, when given.</param>
/// <param name="Pnc">Validated PNC id, when given and valid.</param>
/// <param name="Cro">Validated CRO number, when given and valid.</param>
/// <param name="Noms">Validated NOMS number, when given and valid.</param>
/// <param name="HomePostcode">Home postcode (upper case, single space), when given.</param>
/// <param name="CjitCode">Owning CJIT; when null, derived from the postcode by directory coverage.</param>
/// <param name="CurrentPrison">NOMIS code of the prison holding the client, when in custody.</param>
/// <param name="ReleaseDate">Known release date, when given (opens <c>smt.release-planning</c>, 000 §PP7).</param>
/// <param name="Consent">Recorded consent.</param>
/// <param name="LegalBasis">A lawful basis to share without consent, when recorded.</param>
/// <param name="Ppo">Prolific and other Priority Offender: obligations are prioritised (000 §PP2 note, §PP5).</param>
public sealed record Client(
    string Id,
    string Surname,
    string Forenames,
    LocalDate DateOfBirth,
    string? Gender,
    PncId? Pnc,
    CroNumber? Cro,
    NomsNumber? Noms,
    string? HomePostcode,
    string? CjitCode,
    string? CurrentPrison,
    LocalDate? ReleaseDate,
    Consent Consent,
    LegalBasis? LegalBasis,
    bool Ppo);
