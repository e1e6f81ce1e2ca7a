using NodaTime;

namespace ContinuityOfCare.Core.Directory;

/// <summary>
/// One organisation's Single Point of Contact (formats.md §4; 001 glossary "SPoC", 003 Annex B: re-issued monthly).
/// </summary>
/// <param name="OrgCode">Unique: a CJIT code, or the prison's NOMIS code for an SMT (e.g. <c>LEI</c>).</param>
/// <param name="OrgType">What kind of organisation this is.</param>
/// <param name="OrgName">Display name, e.g. "HMP Leeds Substance Misuse Team".</param>
/// <param name="SpocName">The named contact, when given.</param>
/// <param name="Email">The SPOC's secure mailbox: where Alert Forms go.</param>
/// <param name="Phone">The SPOC's phone number.</param>
/// <param name="Phone24x7">The CJIT's 24/7 client line (CJITs only).</param>
/// <param name="EscalationEmail">Manager or duty mailbox for level-2 escalation (docs/domain.md "Escalation").</param>
/// <param name="PostcodeDistricts">CJIT coverage, e.g. <c>LS1</c>, <c>LS6</c> (upper case).</param>
/// <param name="Courts">Court codes a CJIT covers.</param>
/// <param name="CourtWorkerCourts">The subset of <paramref name="Courts"/> with a CJIT court worker (000 §PP13 vs §PP14).</param>
/// <param name="EffectiveFrom">The date the entry takes effect.</param>
/// <param name="CourtNames">
/// Court house name → court code for courts in <paramref name="Courts"/> (optional <c>court_names</c>, docs/formats.md
/// §4): lets a court list downloaded without its court code be routed to the court's CJIT.
/// </param>
public sealed record DirectoryEntry(
    string OrgCode,
    OrgType OrgType,
    string OrgName,
    string? SpocName,
    string Email,
    string Phone,
    string? Phone24x7,
    string EscalationEmail,
    IReadOnlyList<string> PostcodeDistricts,
    IReadOnlyList<string> Courts,
    IReadOnlyList<string> CourtWorkerCourts,
    LocalDate EffectiveFrom,
    IReadOnlyDictionary<string, string>? CourtNames = null);
