namespace ContinuityOfCare.Mail.Outbox;

/// <summary>Why the operator is told about an alert.</summary>
public enum OperatorNoticeKind
{
    /// <summary>architecture.md "Security rules": the recipient is outside the secure-mail allow-list; the alert is Held.</summary>
    RecipientNotAllowed,

    /// <summary>architecture.md "Reliability rules": SMTP 5xx; the alert Failed and the directory entry is flagged.</summary>
    PermanentFailure,

    /// <summary>Attempts were left without a reply more often than the automatic repeats allow; waiting for the operator.</summary>
    UnconfirmedSend,

    /// <summary>An attempt was left without a reply; the alert was re-sent automatically with the "may repeat" line.</summary>
    RepeatedSend,

    /// <summary>A delivery status notification reported a permanent failure after the relay accepted the alert.</summary>
    Bounced,

    /// <summary>A delivery status notification reported a delay.</summary>
    Delayed,

    /// <summary>The bounce mailbox holds messages that are not readable reports or match no alert (left there, counted).</summary>
    UnreadableBounces,

    /// <summary>The SMTP circuit breaker opened: the relay is considered down; alerts wait in the outbox.</summary>
    RelayDown,

    /// <summary>The SMTP circuit breaker closed again: the relay is back.</summary>
    RelayBack,

    /// <summary>
    /// The relay refused an escalation email for good (5xx): the level stays recorded; the recipient must be contacted by
    /// hand. Named like the hub's own notice for a level with no recipient, so both read as one kind.
    /// </summary>
    EscalationUndelivered,

    /// <summary>
    /// A notice about the hub itself (missing feed, calendar running out, escalation undelivered), recorded in the hub's
    /// notices table and emailed through the outbox; the detail names its kind.
    /// </summary>
    Hub,
}
