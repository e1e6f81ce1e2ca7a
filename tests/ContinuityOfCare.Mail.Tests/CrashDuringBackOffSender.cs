using ContinuityOfCare.Mail.Transport;

namespace ContinuityOfCare.Mail.Tests;

/// <summary>
/// Simulates the process dying during the back-off after a refused attempt: the refusal is handled (the outbox takes its
/// Sending mark back), then the call fails instead of retrying — for the first send only.
/// </summary>
internal sealed class CrashDuringBackOffSender(IMailSender inner) : IMailSender
{
    private int _sends;

    public Task<SmtpDeliveryOutcome> SendAsync(OutgoingEmail email, CancellationToken cancellationToken) => SendAsync(email, null, cancellationToken);

    public Task<SmtpDeliveryOutcome> SendAsync(OutgoingEmail email, SmtpAttemptObserver? attempts, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _sends) > 1)
        {
            return inner.SendAsync(email, attempts, cancellationToken);
        }

        return inner.SendAsync(
            email,
            async (phase, token) =>
            {
                if (attempts is not null)
                {
                    await attempts(phase, token);
                }

                if (phase == SmtpAttemptPhase.Refused)
                {
                    throw new SimulatedCrashException("simulated crash during the back-off after a refusal");
                }
            },
            cancellationToken);
    }
}
