namespace ContinuityOfCare.Core.Obligations;

/// <summary>Who owns an obligation (docs/domain.md's "owner" column); routing resolves the role to an organisation.</summary>
public enum OwnerRole
{
    /// <summary>The client's home CJIT (client register, else the CJIT covering the home postcode).</summary>
    HomeCjit,

    /// <summary>The Substance Misuse Team of the prison the client is in (or entered).</summary>
    PrisonSmt,

    /// <summary>The SMT of the prison the client left (transfer, court, release from court).</summary>
    SendingSmt,

    /// <summary>Whichever party changed an agreed release plan (SMT or CJIT).</summary>
    PartyThatChanged,

    /// <summary>Probation (only when probation is in the SPOC directory).</summary>
    Probation,
}
