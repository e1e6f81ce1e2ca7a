namespace ContinuityOfCare.Ingestion.CourtResults;

/// <summary>The court results CSV columns (formats.md §2), as they appear in the header (matched case-insensitively).</summary>
public static class CourtResultColumns
{
    /// <summary><c>court_code</c> (required): OU-style court code, e.g. <c>B13HT</c>.</summary>
    public const string CourtCode = "court_code";

    /// <summary><c>hearing_date</c> (required): <c>YYYY-MM-DD</c>.</summary>
    public const string HearingDate = "hearing_date";

    /// <summary><c>case_urn</c> (optional).</summary>
    public const string CaseUrn = "case_urn";

    /// <summary><c>surname</c> (required).</summary>
    public const string Surname = "surname";

    /// <summary><c>forenames</c> (required).</summary>
    public const string Forenames = "forenames";

    /// <summary><c>date_of_birth</c> (optional): <c>YYYY-MM-DD</c>.</summary>
    public const string DateOfBirth = "date_of_birth";

    /// <summary><c>pnc</c> (optional).</summary>
    public const string Pnc = "pnc";

    /// <summary><c>cro</c> (optional).</summary>
    public const string Cro = "cro";

    /// <summary><c>asn</c> (optional).</summary>
    public const string Asn = "asn";

    /// <summary><c>noms_number</c> (optional).</summary>
    public const string NomsNumber = "noms_number";

    /// <summary><c>outcome</c> (required).</summary>
    public const string Outcome = "outcome";

    /// <summary><c>establishment</c> (required for custodial outcomes): NOMIS code or a known prison name.</summary>
    public const string Establishment = "establishment";

    /// <summary><c>next_hearing_date</c> (optional).</summary>
    public const string NextHearingDate = "next_hearing_date";

    /// <summary><c>next_hearing_court</c> (optional).</summary>
    public const string NextHearingCourt = "next_hearing_court";

    /// <summary><c>result_time</c> (optional).</summary>
    public const string ResultTime = "result_time";

    /// <summary>Columns every file must have in its header; a file without one is rejected whole.</summary>
    public static IReadOnlyList<string> Required { get; } = [CourtCode, HearingDate, Surname, Forenames, Outcome];

    /// <summary>Every column the hub reads, in the order the sample generator writes them.</summary>
    public static IReadOnlyList<string> All { get; } =
        [CourtCode, HearingDate, CaseUrn, Surname, Forenames, DateOfBirth, Pnc, Cro, Asn, NomsNumber, Outcome, Establishment, NextHearingDate, NextHearingCourt, ResultTime];
}
