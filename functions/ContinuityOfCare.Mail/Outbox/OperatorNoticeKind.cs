namespace ContinuityOfCare.Mail.Outbox;

/// <summary>Why the operator is told about an alert.</summary>
public enum OperatorNoticeKind
{
    /// <summary>architecture.md "Security rules": the recipient is outside the secure-mail allow-list; the alert is Held.</summary>
    RecipientNotAllowed,

    /// <summary>architecture.md "Reliability rules": SMTP 5xx; the alert Failed and the directory entry is flagged.</summary>
    PermanentFailure,

    /// <summary>A send was interrupted after the claim; the relay may or may not have the message.</summary>
    UnconfirmedSend,
}
