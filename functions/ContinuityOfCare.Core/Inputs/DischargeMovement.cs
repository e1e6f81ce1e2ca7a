using NodaTime;

namespace ContinuityOfCare.Core.Inputs;

/// <summary>
/// One row of a prison's daily LIDS discharge export (formats.md §3; 000 Annex D: SMTs check the previous day's
/// Discharge List daily).
/// </summary>
/// <param name="Source">File and line.</param>
/// <param name="PrisonCode">The discharging establishment (NOMIS code).</param>
/// <param name="Person">The prisoner's particulars (the NOMS number is required by the format).</param>
/// <param name="MovedAt">Movement date and time, as an instant (the export's local time read in Europe/London).</param>
/// <param name="MovementType">The NOMIS movement type.</param>
/// <param name="ReasonCode">The NOMIS movement reason code, upper case (e.g. <c>CR</c>, <c>DEC</c>, <c>MRG</c>).</param>
/// <param name="ToAgency">Destination: prison code (TRN), court code (CRT), <c>OUT</c> (releases).</param>
/// <param name="ReleaseDate">The release date, where the export carries it.</param>
public sealed record DischargeMovement(
    SourceRef Source,
    string PrisonCode,
    PersonParticulars Person,
    Instant MovedAt,
    MovementType MovementType,
    string ReasonCode,
    string ToAgency,
    LocalDate? ReleaseDate);
