using NodaTime;

namespace ContinuityOfCare.Core.Inputs;

/// <summary>
/// One defendant listed for a hearing in an HMCTS court list (formats.md §1); the source of
/// <c>ListedForHearing</c> (000 §PP10, §PP13).
/// </summary>
/// <param name="Source">File and JSON path of the party / defendant.</param>
/// <param name="CourtCode">
/// The court's code: the sidecar value (ingestion request, blob metadata or file name) or the Crown list's own; null when
/// none is known (a list as downloaded). Planning may still find it from the court house name (docs/plan.md "Court code").
/// </param>
/// <param name="CourtName">The court house name as listed.</param>
/// <param name="HearingStart">When the sitting starts (court lists carry UTC instants; Crown lists a local time).</param>
/// <param name="HearingType">Hearing type/description, when given.</param>
/// <param name="CaseReference">Case URN or case number, when given.</param>
/// <param name="Person">What the list says about the defendant.</param>
/// <param name="InCustody">True when the list says the defendant is in custody (or gives a prison location).</param>
/// <param name="PrisonCode">Where the defendant is held before the hearing (Crown <c>PrisonLocation</c>), when given.</param>
public sealed record CourtListing(
    SourceRef Source,
    string? CourtCode,
    string CourtName,
    Instant HearingStart,
    string? HearingType,
    string? CaseReference,
    PersonParticulars Person,
    bool InCustody,
    string? PrisonCode);
