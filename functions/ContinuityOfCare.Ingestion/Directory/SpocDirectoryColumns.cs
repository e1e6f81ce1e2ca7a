namespace ContinuityOfCare.Ingestion.Directory;

/// <summary>The SPOC directory CSV columns (formats.md §4), as they appear in the header (matched case-insensitively).</summary>
public static class SpocDirectoryColumns
{
    /// <summary><c>org_code</c>: CJIT code, or prison NOMIS code for an SMT; unique.</summary>
    public const string OrgCode = "org_code";

    /// <summary><c>org_type</c>: CJIT, PRISON_SMT, PROBATION, REGIONAL_TEAM.</summary>
    public const string OrgType = "org_type";

    /// <summary><c>org_name</c>.</summary>
    public const string OrgName = "org_name";

    /// <summary><c>spoc_name</c> (optional).</summary>
    public const string SpocName = "spoc_name";

    /// <summary><c>email</c>: the SPOC mailbox.</summary>
    public const string Email = "email";

    /// <summary><c>phone</c>.</summary>
    public const string Phone = "phone";

    /// <summary><c>phone_24_7</c>: required for CJITs.</summary>
    public const string Phone24x7 = "phone_24_7";

    /// <summary><c>escalation_email</c>.</summary>
    public const string EscalationEmail = "escalation_email";

    /// <summary><c>postcode_districts</c>: <c>;</c>-separated, required for CJITs.</summary>
    public const string PostcodeDistricts = "postcode_districts";

    /// <summary><c>courts</c>: <c>;</c>-separated court codes, required for CJITs.</summary>
    public const string Courts = "courts";

    /// <summary><c>court_worker_courts</c>: <c>;</c>-separated subset of <c>courts</c> (optional).</summary>
    public const string CourtWorkerCourts = "court_worker_courts";

    /// <summary>
    /// <c>court_names</c> (optional): <c>;</c>-separated <c>CODE=court house name</c> pairs for courts in <c>courts</c>, so
    /// a court list downloaded without its court code can be routed (docs/formats.md §4).
    /// </summary>
    public const string CourtNames = "court_names";

    /// <summary><c>effective_from</c>: <c>YYYY-MM-DD</c>.</summary>
    public const string EffectiveFrom = "effective_from";

    /// <summary>Columns every file must have in its header; a file without one is rejected whole.</summary>
    public static IReadOnlyList<string> Required { get; } =
        [OrgCode, OrgType, OrgName, Email, Phone, EscalationEmail, EffectiveFrom];

    /// <summary>Every column the hub reads; any other header is ignored with a warning.</summary>
    public static IReadOnlyList<string> All { get; } =
        [OrgCode, OrgType, OrgName, SpocName, Email, Phone, Phone24x7, EscalationEmail, PostcodeDistricts, Courts, CourtWorkerCourts, CourtNames, EffectiveFrom];
}
