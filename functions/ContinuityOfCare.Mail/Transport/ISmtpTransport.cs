namespace ContinuityOfCare.Mail.Transport;

/// <summary>One SMTP attempt, classified. No retries here: <see cref="ResilientMailSender"/> owns those.</summary>
public interface ISmtpTransport
{
    /// <summary>
    /// Hands <paramref name="email"/> to the relay once; <paramref name="attempts"/> is told on a ready connection just
    /// before the transaction starts, and again if the relay refuses it before anything could be delivered. SMTP failures come back as outcomes; cancellation (including the per-attempt
    /// timeout) surfaces as <see cref="OperationCanceledException"/>.
    /// </summary>
    Task<SmtpDeliveryOutcome> SendAsync(OutgoingEmail email, SmtpAttemptObserver? attempts, CancellationToken cancellationToken);
}
