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
    /// An escalation level's email did not go: the relay refused it for good (5xx), or the level has no recipient (no
    /// email queued). The level stays recorded; the recipient must be contacted by hand. One id per level
    /// (<c>{email id}-EscalationUndelivered</c>) whichever the cause.
    /// </summary>
    EscalationUndelivered,

    /// <summary>An escalation email's attempt was left without a reply; it was re-sent automatically with the "may repeat" line.</summary>
    EscalationRepeated,

    /// <summary>An escalation email's attempts were left without a reply more often than the automatic repeats allow; waiting for the operator.</summary>
    EscalationUnconfirmed,

    /// <summary>A delivery status notification reported that an escalation email, accepted by the relay, did not arrive.</summary>
    EscalationBounced,

    /// <summary>
    /// A notice about the hub itself (missing feed, calendar running out), recorded in the hub's
    /// notices table and emailed through the outbox; the detail names its kind.
    /// </summary>
    Hub,
}
