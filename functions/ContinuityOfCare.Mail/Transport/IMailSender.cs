namespace ContinuityOfCare.Mail.Transport;

/// <summary>Sends one message with the resilience rules applied and returns its classified outcome.</summary>
public interface IMailSender
{
    /// <summary>Sends <paramref name="email"/>; never throws for SMTP failures, only for cancellation by the caller.</summary>
    Task<SmtpDeliveryOutcome> SendAsync(OutgoingEmail email, CancellationToken cancellationToken);
}
