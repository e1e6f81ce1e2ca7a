namespace ContinuityOfCare.Mail.Transport;

/// <summary>
/// Told about each SMTP attempt on a ready connection: <see cref="SmtpAttemptPhase.Starting"/> immediately before
/// <c>MAIL FROM</c> (the outbox marks the alert Sending here), and <see cref="SmtpAttemptPhase.Refused"/> when the relay
/// refused it or the connection failed before any recipient was accepted (nothing can have been delivered; the outbox
/// takes the Sending mark back). So only the transaction itself is inside the lost-alert window (docs/email.md "The
/// residual window"). Throwing at <c>Starting</c> aborts the attempt before anything is handed over; it is not retried.
/// </summary>
public delegate Task SmtpAttemptObserver(SmtpAttemptPhase phase, CancellationToken cancellationToken);
