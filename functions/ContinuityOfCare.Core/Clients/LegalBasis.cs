namespace ContinuityOfCare.Core.Clients;

/// <summary>
/// Lawful bases for sharing without consent (000 Annex A (1); 003 §2.3–2.5), the register's <c>legal_basis</c>.
/// </summary>
public enum LegalBasis
{
    /// <summary><c>RA</c>: Required Assessment.</summary>
    RequiredAssessment,

    /// <summary><c>ROB</c>: Restriction on Bail.</summary>
    RestrictionOnBail,

    /// <summary><c>RISK</c>: risk of harm to the client or others.</summary>
    RiskOfHarm,
}
