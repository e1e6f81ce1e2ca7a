namespace ContinuityOfCare.Mail.Transport;

/// <summary>The classified result of handing one message to the relay.</summary>
/// <param name="Kind">Sent, transient, permanent, or not attempted because the circuit is open.</param>
/// <param name="SmtpCode">The SMTP reply code when the server gave one (250 for Sent, 4xx, 5xx), else null.</param>
/// <param name="Detail">The server's reply or a short description of the failure. Never carries a client's personal data.</param>
public sealed record SmtpDeliveryOutcome(DeliveryOutcomeKind Kind, int? SmtpCode, string Detail)
{
    /// <summary>The relay accepted the message.</summary>
    public static SmtpDeliveryOutcome Sent(string reply) => new(DeliveryOutcomeKind.Sent, 250, reply);

    /// <summary>A failure worth retrying later.</summary>
    public static SmtpDeliveryOutcome Transient(int? smtpCode, string detail) => new(DeliveryOutcomeKind.TransientFailure, smtpCode, detail);

    /// <summary>A failure that retrying cannot fix.</summary>
    public static SmtpDeliveryOutcome Permanent(int smtpCode, string detail) => new(DeliveryOutcomeKind.PermanentFailure, smtpCode, detail);

    /// <summary>Not attempted: the relay is considered down.</summary>
    public static SmtpDeliveryOutcome CircuitOpen(string detail) => new(DeliveryOutcomeKind.CircuitOpen, null, detail);
}
