namespace ContinuityOfCare.Core.Planning;

/// <summary>Whether a planned Alert Form may go to the outbox.</summary>
public enum AlertStatus
{
    /// <summary>Ready to send.</summary>
    Ready,

    /// <summary>Held: the recipient's address is outside the secure-mail allow-list (architecture.md "Security rules").</summary>
    Held,
}
