using ContinuityOfCare.Mail.Transport;

namespace ContinuityOfCare.Mail.Tests;

/// <summary>
/// Simulates the process dying after the relay accepted the message but before the outbox wrote the outcome: the real
/// send happens (the Sending mark included), then the call fails instead of returning — for the first
/// <paramref name="crashes"/> sends; later ones return normally (the process was restarted).
/// </summary>
internal sealed class CrashAfterSendSender(IMailSender inner, int crashes = int.MaxValue) : IMailSender
{
    private int _sends;

    public Task<SmtpDeliveryOutcome> SendAsync(OutgoingEmail email, CancellationToken cancellationToken) => SendAsync(email, null, cancellationToken);

    public async Task<SmtpDeliveryOutcome> SendAsync(OutgoingEmail email, SmtpAttemptObserver? attempts, CancellationToken cancellationToken)
    {
        var outcome = await inner.SendAsync(email, attempts, cancellationToken);
        if (Interlocked.Increment(ref _sends) > crashes)
        {
            return outcome;
        }

        throw new SimulatedCrashException($"simulated crash after the relay answered {outcome.SmtpCode}");
    }
}
