namespace ContinuityOfCare.Core.Routing;

/// <summary>Who, relative to an event, receives its Alert Form (docs/domain.md "Routing").</summary>
public enum RecipientRole
{
    /// <summary>The SMT of the prison the client entered (remand/sentence) or was received into (transfer).</summary>
    ReceivingSmt,

    /// <summary>The SMT of the prison the client left (release from court, non-return).</summary>
    SendingSmt,

    /// <summary>The client's CJIT: the register's <c>cjit_code</c>, else the CJIT covering the home postcode district.</summary>
    HomeCjit,

    /// <summary>The CJIT whose directory entry lists the court (only when different from the home CJIT).</summary>
    CourtCjit,
}
