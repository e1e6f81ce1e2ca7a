using ContinuityOfCare.Core.Directory;
using ContinuityOfCare.Core.Obligations;

namespace ContinuityOfCare.Core.Planning;

/// <summary>The configurable parts of planning.</summary>
public sealed record PlanOptions
{
    /// <summary>The defaults: catalogue defaults, secure-mail domains cjsm.net, nhs.net, gov.uk, TAP ignored.</summary>
    public static PlanOptions Default { get; } = new();

    /// <summary>The obligation rules and their deadlines (domain.md: every number is configuration).</summary>
    public ObligationCatalogue Catalogue { get; init; } = ObligationCatalogue.Default;

    /// <summary>architecture.md "Security rules": recipient domains allowed to receive personal data.</summary>
    public IReadOnlyList<string> SecureMailDomains { get; init; } = DirectoryValidationOptions.DefaultSecureMailDomains;

    /// <summary>
    /// domain.md "The journey as events": <c>TAP</c> (temporary absence) is not a discharge unless configured. When true,
    /// a TAP movement is treated as a release to the community.
    /// </summary>
    public bool TreatTemporaryAbsenceAsRelease { get; init; }
}
