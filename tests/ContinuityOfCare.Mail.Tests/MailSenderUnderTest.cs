using ContinuityOfCare.Mail.Transport;

namespace ContinuityOfCare.Mail.Tests;

/// <summary>The real resilient sender and the connection pool under it, disposed together.</summary>
internal sealed class MailSenderUnderTest(ResilientMailSender sender, SmtpConnectionPool pool) : IMailSender, IDisposable
{
    public SmtpConnectionPool Pool => pool;

    public Task<SmtpDeliveryOutcome> SendAsync(OutgoingEmail email, CancellationToken cancellationToken) => sender.SendAsync(email, cancellationToken);

    public Task<SmtpDeliveryOutcome> SendAsync(OutgoingEmail email, SmtpAttemptObserver? attempts, CancellationToken cancellationToken) =>
        sender.SendAsync(email, attempts, cancellationToken);

    public void Dispose()
    {
        sender.Dispose();
        pool.Dispose();
    }
}
