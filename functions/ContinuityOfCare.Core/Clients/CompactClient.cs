using ContinuityOfCare.Core.Identifiers;
using NodaTime;

namespace ContinuityOfCare.Core.Clients;

/// <summary>
/// One register row as a columnar register holds it (docs/benchmarks.md "Planning"): the fields of a <see cref="Client"/>
/// with the identifiers packed by <see cref="CompactIdentifiers"/> (<see cref="CompactIdentifiers.None"/> when absent),
/// so a parser can hand a validated row to <see cref="Matching.MatchingIndexBuilder"/> without a <see cref="Client"/>
/// object and three identifier strings per row. <see cref="ToClient"/> gives exactly the client the row describes.
/// </summary>
/// <param name="Id">See <see cref="Client.Id"/>.</param>
/// <param name="Surname">See <see cref="Client.Surname"/>.</param>
/// <param name="Forenames">See <see cref="Client.Forenames"/>.</param>
/// <param name="DateOfBirth">See <see cref="Client.DateOfBirth"/>.</param>
/// <param name="Gender">See <see cref="Client.Gender"/>.</param>
/// <param name="Pnc">The packed PNC id (<see cref="CompactIdentifiers.PackPnc"/>) or <see cref="CompactIdentifiers.None"/>.</param>
/// <param name="Cro">The packed CRO number (<see cref="CompactIdentifiers.PackCro"/>) or <see cref="CompactIdentifiers.None"/>.</param>
/// <param name="Noms">The packed NOMS number (<see cref="CompactIdentifiers.TryPackNoms"/>) or <see cref="CompactIdentifiers.None"/>.</param>
/// <param name="HomePostcode">See <see cref="Client.HomePostcode"/>.</param>
/// <param name="CjitCode">See <see cref="Client.CjitCode"/>.</param>
/// <param name="CurrentPrison">See <see cref="Client.CurrentPrison"/>.</param>
/// <param name="ReleaseDate">See <see cref="Client.ReleaseDate"/>.</param>
/// <param name="Consent">See <see cref="Client.Consent"/> (share one instance between rows with the same consent).</param>
/// <param name="LegalBasis">See <see cref="Client.LegalBasis"/>.</param>
/// <param name="Ppo">See <see cref="Client.Ppo"/>.</param>
public readonly record struct CompactClient(
    string Id,
    string Surname,
    string Forenames,
    LocalDate DateOfBirth,
    string? Gender,
    int Pnc,
    int Cro,
    int Noms,
    string? HomePostcode,
    string? CjitCode,
    string? CurrentPrison,
    LocalDate? ReleaseDate,
    Consent Consent,
    LegalBasis? LegalBasis,
    bool Ppo)
{
    /// <summary>The client this row describes.</summary>
    public Client ToClient() => new(
        Id, Surname, Forenames, DateOfBirth, Gender, CompactIdentifiers.Pnc(Pnc), CompactIdentifiers.Cro(Cro), CompactIdentifiers.Noms(Noms),
        HomePostcode, CjitCode, CurrentPrison, ReleaseDate, Consent, LegalBasis, Ppo);
}
