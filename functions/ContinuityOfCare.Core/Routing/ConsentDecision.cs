using ContinuityOfCare.Core.Clients;
using ContinuityOfCare.Core.Directory;

namespace ContinuityOfCare.Core.Routing;

/// <summary>
/// docs/domain.md "Consent and data minimisation" (000 Annex A; 002 §40–44; 003 §2.3–2.5): information may go to an
/// organisation type only with the client's consent covering it, or a recorded legal basis.
/// </summary>
/// <param name="MaySend">True when an Alert Form may be sent.</param>
/// <param name="Basis">The basis recorded in the routing reason, e.g. "consent (scope includes PRISON_SMT)".</param>
public sealed record ConsentDecision(bool MaySend, string Basis)
{
    /// <summary>Decides for one client and one recipient org type.</summary>
    public static ConsentDecision For(Client client, OrgType recipient)
    {
        ArgumentNullException.ThrowIfNull(client);
        if (client.Consent.Covers(recipient))
        {
            return new(true, $"consent (scope includes {recipient.ToCode()})");
        }

        if (client.LegalBasis is { } basis)
        {
            return new(true, $"legal basis {LegalBasisCode(basis)} without consent for {recipient.ToCode()}");
        }

        return new(false, client.Consent.Given
            ? $"consent recorded but its scope excludes {recipient.ToCode()}, and no legal basis"
            : "no consent and no legal basis");
    }

    /// <summary>The register spelling of a legal basis (<c>RA</c>, <c>ROB</c>, <c>RISK</c>).</summary>
    public static string LegalBasisCode(LegalBasis basis) => basis switch
    {
        LegalBasis.RequiredAssessment => "RA",
        LegalBasis.RestrictionOnBail => "ROB",
        LegalBasis.RiskOfHarm => "RISK",
        _ => throw new ArgumentOutOfRangeException(nameof(basis), basis, "unknown legal basis"),
    };
}
