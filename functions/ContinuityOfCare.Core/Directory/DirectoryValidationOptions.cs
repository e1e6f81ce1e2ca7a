using ContinuityOfCare.Core.Routing;

namespace ContinuityOfCare.Core.Directory;

/// <summary>
/// The configurable limits of a SPOC directory refresh (formats.md §4; architecture.md "Security rules").
/// </summary>
public sealed record DirectoryValidationOptions
{
    /// <summary>
    /// The secure-mail allow-list every mailbox must pass (architecture.md "Security rules"): the same policy routing
    /// and sending use, from the <c>Mail:SecureRecipients</c> section.
    /// </summary>
    public SecureMailPolicy SecureMail { get; init; } = SecureMailPolicy.Default;

    /// <summary>The largest share of the live version's entries a refresh may remove unless forced (default 20%).</summary>
    public double MaxRemovedShare { get; init; } = 0.20;

    /// <summary>
    /// The prison NOMIS codes the hub knows, when a reference list is configured; null checks only the code's form
    /// (three upper-case letters).
    /// </summary>
    public IReadOnlySet<string>? KnownPrisonCodes { get; init; }
}
