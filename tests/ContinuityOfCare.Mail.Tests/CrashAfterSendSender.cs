using ContinuityOfCare.Mail.Transport;

namespace ContinuityOfCare.Mail.Tests;

/// <summary>
/// Simulates the process dying after the relay accepted the message but before the outbox wrote the outcome: the real
/// send happens, then the call fails instead of returning.
/// </summary>
internal sealed class CrashAfterSendSender(IMailSender inner) : IMailSender
{
    public async Task<SmtpDeliveryOutcome> SendAsync(OutgoingEmail email, CancellationToken cancellationToken)
    {
        var outcome = await inner.SendAsync(email, cancellationToken);
        throw new SimulatedCrashException($"simulated crash after the relay answered {outcome.SmtpCode}");
    }
}
