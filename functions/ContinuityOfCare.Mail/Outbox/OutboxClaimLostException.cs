namespace ContinuityOfCare.Mail.Outbox;

/// <summary>
/// Thrown by the per-attempt Sending mark when another sender has taken over the claim (it judged this one dead): the
/// attempt stops before anything is handed to the relay. Never retried.
/// </summary>
public sealed class OutboxClaimLostException : Exception
{
    /// <summary>Creates the exception.</summary>
    public OutboxClaimLostException()
        : base("Another sender took over this alert's claim; this attempt was not made.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public OutboxClaimLostException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public OutboxClaimLostException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
