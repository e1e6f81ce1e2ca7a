using ContinuityOfCare.Mail.Transport;

namespace ContinuityOfCare.Mail.Tests;

/// <summary>
/// Reports the moment a send is handed to the sender (<c>queued#alertId</c>) and each moment right after the outbox's
/// per-attempt mark (<c>attempt#alertId</c>) and after its handling of a refusal (<c>refused#alertId</c>), so a test
/// can read the row's status at those instants.
/// </summary>
internal sealed class ObservingSender(IMailSender inner, Func<string, Task> observe) : IMailSender
{
    public Task<SmtpDeliveryOutcome> SendAsync(OutgoingEmail email, CancellationToken cancellationToken) => SendAsync(email, null, cancellationToken);

    public async Task<SmtpDeliveryOutcome> SendAsync(OutgoingEmail email, SmtpAttemptObserver? attempts, CancellationToken cancellationToken)
    {
        var alertId = email.EnvelopeId ?? throw new InvalidOperationException("an Alert Form carries its alert id as ENVID");
        await observe($"queued#{alertId}");
        return await inner.SendAsync(
            email,
            async (phase, token) =>
            {
                if (attempts is not null)
                {
                    await attempts(phase, token);
                }

                await observe(phase == SmtpAttemptPhase.Starting ? $"attempt#{alertId}" : $"refused#{alertId}");
            },
            cancellationToken);
    }
}
