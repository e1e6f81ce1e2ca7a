using NodaTime;

namespace ContinuityOfCare.Core.Inputs;

/// <summary>
/// One court result row (formats.md §2); the source of <c>RemandedOrSentencedToPrison</c> (000 Part 1, §PP1–PP4)
/// and <c>ReleasedFromCourt</c> (000 §PP13/§PP14).
/// </summary>
/// <param name="Source">File and line.</param>
/// <param name="CourtCode">The court (OU-style code).</param>
/// <param name="HearingDate">The date of the hearing.</param>
/// <param name="CaseUrn">Case reference, when given.</param>
/// <param name="Person">The defendant's particulars.</param>
/// <param name="Outcome">The outcome.</param>
/// <param name="Establishment">Prison NOMIS code for custodial outcomes (resolved from a name where needed).</param>
/// <param name="NextHearingDate">Next hearing date, when given.</param>
/// <param name="NextHearingCourt">Next hearing court, when given.</param>
/// <param name="ResultTime">When the result was recorded; null means "use the ingestion time".</param>
public sealed record CourtResult(
    SourceRef Source,
    string CourtCode,
    LocalDate HearingDate,
    string? CaseUrn,
    PersonParticulars Person,
    CourtOutcome Outcome,
    string? Establishment,
    LocalDate? NextHearingDate,
    string? NextHearingCourt,
    Instant? ResultTime);
