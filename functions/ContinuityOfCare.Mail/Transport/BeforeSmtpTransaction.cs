namespace ContinuityOfCare.Mail.Transport;

/// <summary>
/// Called once per attempt on a ready connection, immediately before <c>MAIL FROM</c>: the outbox marks the alert
/// Sending here, so only the SMTP transaction itself is inside the lost-alert window (docs/email.md "The residual
/// window"). Throwing aborts the attempt before anything is handed over; the exception is not retried.
/// </summary>
public delegate Task BeforeSmtpTransaction(CancellationToken cancellationToken);
