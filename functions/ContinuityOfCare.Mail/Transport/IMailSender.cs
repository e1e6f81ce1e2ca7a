namespace ContinuityOfCare.Mail.Transport;

/// <summary>Sends one message with the resilience rules applied and returns its classified outcome.</summary>
public interface IMailSender
{
    /// <summary>
    /// Sends <paramref name="email"/>; <paramref name="attempts"/> is told when each SMTP attempt starts and when one is refused.
    /// Never throws for SMTP failures, only for cancellation by the caller or an exception from the hook.
    /// </summary>
    Task<SmtpDeliveryOutcome> SendAsync(OutgoingEmail email, SmtpAttemptObserver? attempts, CancellationToken cancellationToken);

    /// <summary>Sends <paramref name="email"/> with no per-attempt hook.</summary>
    Task<SmtpDeliveryOutcome> SendAsync(OutgoingEmail email, CancellationToken cancellationToken) => SendAsync(email, null, cancellationToken);
}
