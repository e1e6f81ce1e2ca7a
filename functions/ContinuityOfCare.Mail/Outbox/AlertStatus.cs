namespace ContinuityOfCare.Mail.Outbox;

/// <summary>Where an alert is in the outbox (docs/email.md "Outbox states").</summary>
public enum AlertStatus
{
    /// <summary>Stored, not yet attempted (or returned here after a transient failure).</summary>
    Pending,

    /// <summary>Claimed by one sender; the attempt id and start instant were recorded before the SMTP call.</summary>
    Sending,

    /// <summary>The relay accepted it. Terminal: a redelivered send sends nothing.</summary>
    Sent,

    /// <summary>The relay refused it permanently (SMTP 5xx). Terminal; the operator was told and the directory entry flagged.</summary>
    Failed,

    /// <summary>The recipient is outside the secure-mail allow-list: nothing was sent; the operator was told.</summary>
    Held,

    /// <summary>
    /// An attempt was in flight longer than the in-flight timeout (the sender died mid-send): the relay may or may not have
    /// accepted it. Not re-sent automatically — an operator decides (docs/email.md "The residual window").
    /// </summary>
    Unconfirmed,
}
