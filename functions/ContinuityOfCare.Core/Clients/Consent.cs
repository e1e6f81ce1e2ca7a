using ContinuityOfCare.Core.Directory;
using NodaTime;

namespace ContinuityOfCare.Core.Clients;

/// <summary>
/// The client's recorded consent to share for continuity of care (000 Annex A; 002 §40–44).
/// </summary>
/// <param name="Given">The register's <c>consent</c> = <c>yes</c>.</param>
/// <param name="Scope">Which org types may receive information (<c>consent_scope</c>); empty when not given.</param>
/// <param name="Date">When consent was recorded.</param>
public sealed record Consent(bool Given, IReadOnlySet<OrgType> Scope, LocalDate? Date)
{
    /// <summary>No consent recorded.</summary>
    public static Consent None { get; } = new(false, new HashSet<OrgType>(), null);

    /// <summary>True when the client consented to sharing with this kind of organisation.</summary>
    public bool Covers(OrgType recipient) => Given && Scope.Contains(recipient);
}
