namespace ContinuityOfCare.Core.Directory;

/// <summary>
/// The configurable limits of a SPOC directory refresh (formats.md §4; architecture.md "Security rules").
/// </summary>
public sealed record DirectoryValidationOptions
{
    /// <summary>The default secure-mail domains (architecture.md "Security rules": <c>cjsm.net</c>, <c>nhs.net</c>, <c>gov.uk</c>).</summary>
    public static IReadOnlyList<string> DefaultSecureMailDomains { get; } = ["cjsm.net", "nhs.net", "gov.uk"];

    /// <summary>
    /// Recipient domains allowed to receive personal data: an address qualifies when its domain equals a suffix or
    /// is a subdomain of it (e.g. <c>leeds.cjsm.net</c> for <c>cjsm.net</c>).
    /// </summary>
    public IReadOnlyList<string> SecureMailDomains { get; init; } = DefaultSecureMailDomains;

    /// <summary>The largest share of the live version's entries a refresh may remove unless forced (default 20%).</summary>
    public double MaxRemovedShare { get; init; } = 0.20;

    /// <summary>
    /// The prison NOMIS codes the hub knows, when a reference list is configured; null checks only the code's form
    /// (three upper-case letters).
    /// </summary>
    public IReadOnlySet<string>? KnownPrisonCodes { get; init; }
}
