namespace ContinuityOfCare.Mail.Transport;

/// <summary>Where one SMTP attempt is, for an <see cref="SmtpAttemptObserver"/>.</summary>
public enum SmtpAttemptPhase
{
    /// <summary>On a ready connection, immediately before <c>MAIL FROM</c>.</summary>
    Starting,

    /// <summary>The relay refused the attempt, or the connection failed before any recipient was accepted: nothing was delivered.</summary>
    Refused,
}
