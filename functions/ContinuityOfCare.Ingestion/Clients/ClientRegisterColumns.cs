namespace ContinuityOfCare.Ingestion.Clients;

/// <summary>The client register CSV columns (formats.md §5), as they appear in the header (matched case-insensitively).</summary>
public static class ClientRegisterColumns
{
    /// <summary><c>client_id</c> (required, unique): the owning case system's opaque id.</summary>
    public const string ClientId = "client_id";

    /// <summary><c>surname</c> (required).</summary>
    public const string Surname = "surname";

    /// <summary><c>forenames</c> (required).</summary>
    public const string Forenames = "forenames";

    /// <summary><c>date_of_birth</c> (required): <c>YYYY-MM-DD</c>.</summary>
    public const string DateOfBirth = "date_of_birth";

    /// <summary><c>gender</c> (optional).</summary>
    public const string Gender = "gender";

    /// <summary><c>pnc</c> (optional).</summary>
    public const string Pnc = "pnc";

    /// <summary><c>cro</c> (optional).</summary>
    public const string Cro = "cro";

    /// <summary><c>noms_number</c> (optional).</summary>
    public const string NomsNumber = "noms_number";

    /// <summary><c>home_postcode</c> (optional).</summary>
    public const string HomePostcode = "home_postcode";

    /// <summary><c>cjit_code</c> (optional): the owning CJIT; when blank, derived from the home postcode.</summary>
    public const string CjitCode = "cjit_code";

    /// <summary><c>current_prison</c> (optional): NOMIS code when in custody.</summary>
    public const string CurrentPrison = "current_prison";

    /// <summary><c>release_date</c> (optional).</summary>
    public const string ReleaseDate = "release_date";

    /// <summary><c>consent</c> (required): <c>yes</c> / <c>no</c>.</summary>
    public const string Consent = "consent";

    /// <summary><c>consent_scope</c> (required when consent is yes): <c>;</c>-separated org types.</summary>
    public const string ConsentScope = "consent_scope";

    /// <summary><c>consent_date</c> (required when consent is yes): <c>YYYY-MM-DD</c>.</summary>
    public const string ConsentDate = "consent_date";

    /// <summary><c>legal_basis</c> (optional): <c>RA</c>, <c>ROB</c>, <c>RISK</c>.</summary>
    public const string LegalBasis = "legal_basis";

    /// <summary><c>ppo</c> (optional): <c>yes</c> / <c>no</c>; blank means no.</summary>
    public const string Ppo = "ppo";

    /// <summary>Columns every file must have in its header; a file without one is rejected whole.</summary>
    public static IReadOnlyList<string> Required { get; } = [ClientId, Surname, Forenames, DateOfBirth, Consent];

    /// <summary>Every column the hub reads, in the order the sample generator writes them.</summary>
    public static IReadOnlyList<string> All { get; } =
        [ClientId, Surname, Forenames, DateOfBirth, Gender, Pnc, Cro, NomsNumber, HomePostcode, CjitCode, CurrentPrison, ReleaseDate, Consent, ConsentScope, ConsentDate, LegalBasis, Ppo];
}
