namespace ContinuityOfCare.Mail.Transport;

/// <summary>
/// Carries an exception thrown by an <see cref="SmtpAttemptObserver"/> through the resilience pipeline. It is not an
/// <see cref="OperationCanceledException"/>, so the attempt timeout does not report it as a timeout, and no strategy
/// handles it, so it is neither retried nor counted as a relay failure by the breaker. <see cref="ResilientMailSender"/>
/// unwraps it before the caller sees it.
/// </summary>
internal sealed class AttemptObserverFailure(Exception inner) : Exception("The SMTP attempt hook failed.", inner)
{
    /// <summary>The hook wrapped so that anything it throws travels as an <see cref="AttemptObserverFailure"/>; null stays null.</summary>
    public static SmtpAttemptObserver? Guard(SmtpAttemptObserver? observer) =>
        observer is null
            ? null
            : async (phase, cancellationToken) =>
            {
                try
                {
                    await observer(phase, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception exception)
                {
                    throw new AttemptObserverFailure(exception);
                }
            };
}
