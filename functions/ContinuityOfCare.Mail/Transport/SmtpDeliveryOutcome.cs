namespace ContinuityOfCare.Mail.Transport;

/// <summary>The classified result of handing one message to the relay.</summary>
/// <param name="Kind">Sent, transient, permanent, or not attempted because the circuit is open.</param>
/// <param name="SmtpCode">The SMTP reply code when the server gave one (250 for Sent, 4xx, 5xx), else null.</param>
/// <param name="Detail">The server's reply (<c>code text</c>) or a short description of the failure. Never carries a client's personal data.</param>
/// <param name="QueueId">The relay's queue id when its reply named one (see <see cref="SmtpReplies.QueueId"/>).</param>
public sealed record SmtpDeliveryOutcome(DeliveryOutcomeKind Kind, int? SmtpCode, string Detail, string? QueueId = null)
{
    /// <summary>
    /// The transaction had started (the message may be with the relay) when the connection broke or the attempt timed
    /// out, so nobody knows whether it was accepted. Not retried in-process: the outbox repeats it with the "may repeat"
    /// line (docs/email.md "The residual window").
    /// </summary>
    public bool ReplyUnknown { get; init; }

    /// <summary>The relay accepted the message with <paramref name="reply"/>.</summary>
    public static SmtpDeliveryOutcome Sent(string reply, string? queueId = null) => new(DeliveryOutcomeKind.Sent, 250, reply, queueId);

    /// <summary>A failure worth retrying later.</summary>
    public static SmtpDeliveryOutcome Transient(int? smtpCode, string detail) => new(DeliveryOutcomeKind.TransientFailure, smtpCode, detail);

    /// <summary>A failure that retrying cannot fix.</summary>
    public static SmtpDeliveryOutcome Permanent(int smtpCode, string detail) => new(DeliveryOutcomeKind.PermanentFailure, smtpCode, detail);

    /// <summary>Not attempted: the relay is considered down.</summary>
    public static SmtpDeliveryOutcome CircuitOpen(string detail) => new(DeliveryOutcomeKind.CircuitOpen, null, detail);
}
