namespace ContinuityOfCare.Core.Obligations;

/// <summary>Which organisation an event's obligation goes to, read from the event (and the directory for the teams).</summary>
public enum ObligationOwner
{
    /// <summary>The client's home CJIT (else the regional team, else the operator).</summary>
    HomeCjit,

    /// <summary>The SMT of the event's prison: the one entered (remand, sentence) or left (transfer, release, court).</summary>
    EventPrison,

    /// <summary>The SMT of the receiving prison of a transfer.</summary>
    ReceivingPrison,

    /// <summary>Probation; no obligation when probation is not in the SPOC directory (003 §4.7.2).</summary>
    Probation,
}
