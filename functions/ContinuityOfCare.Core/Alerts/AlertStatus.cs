namespace ContinuityOfCare.Core.Alerts;

/// <summary>
/// Where an Alert Form is in its life. Planning decides <see cref="Ready"/> or <see cref="Held"/>; the outbox then
/// moves a stored form <see cref="Pending"/> → <see cref="Sending"/> → <see cref="Sent"/> | <see cref="Failed"/> |
/// <see cref="Unconfirmed"/> (docs/email.md "Outbox states"). <see cref="Held"/> means the same in both: the
/// recipient is outside the secure-mail allow-list, so nothing is sent (architecture.md "Security rules").
/// Stored and shown by name, never by number.
/// </summary>
public enum AlertStatus
{
    /// <summary>Planned and may go to the outbox.</summary>
    Ready,

    /// <summary>The recipient is outside the secure-mail allow-list: nothing is sent; the operator is told.</summary>
    Held,

    /// <summary>In the outbox, not yet attempted (or returned here after a transient failure).</summary>
    Pending,

    /// <summary>Claimed by one sender; the attempt id and start instant were recorded before the SMTP call.</summary>
    Sending,

    /// <summary>The relay accepted it. Terminal: a redelivered send sends nothing.</summary>
    Sent,

    /// <summary>The relay refused it permanently (SMTP 5xx). Terminal; the operator was told and the directory entry flagged.</summary>
    Failed,

    /// <summary>
    /// An attempt was in flight longer than the in-flight timeout (the sender died mid-send): the relay may or may not have
    /// accepted it. Not re-sent automatically — an operator decides (docs/email.md "The residual window").
    /// </summary>
    Unconfirmed,
}
