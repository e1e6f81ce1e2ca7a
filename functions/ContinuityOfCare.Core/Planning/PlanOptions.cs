using ContinuityOfCare.Core.Obligations;
using ContinuityOfCare.Core.Routing;

namespace ContinuityOfCare.Core.Planning;

/// <summary>The configurable parts of planning.</summary>
public sealed record PlanOptions
{
    /// <summary>The defaults: catalogue defaults, the default secure-mail allow-list, TAP ignored.</summary>
    public static PlanOptions Default { get; } = new();

    /// <summary>The obligation rules and their deadlines (docs/domain.md: every number is configuration).</summary>
    public ObligationCatalogue Catalogue { get; init; } = ObligationCatalogue.Default;

    /// <summary>architecture.md "Security rules": the secure-mail allow-list (a form to any other mailbox is held).</summary>
    public SecureMailPolicy SecureMail { get; init; } = SecureMailPolicy.Default;

    /// <summary>
    /// docs/domain.md "The journey as events": <c>TAP</c> (temporary absence) is not a discharge unless configured. When true,
    /// a TAP movement is treated as a release to the community.
    /// </summary>
    public bool TreatTemporaryAbsenceAsRelease { get; init; }
}
