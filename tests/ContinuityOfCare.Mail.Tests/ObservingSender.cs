using ContinuityOfCare.Mail.Transport;

namespace ContinuityOfCare.Mail.Tests;

/// <summary>
/// Reports the moment a send is handed to the sender (<c>queued#alertId</c>) and each moment right after the outbox's
/// per-attempt mark (<c>attempt#alertId</c>), so a test can read the row's status at those instants.
/// </summary>
internal sealed class ObservingSender(IMailSender inner, Func<string, Task> observe) : IMailSender
{
    public Task<SmtpDeliveryOutcome> SendAsync(OutgoingEmail email, CancellationToken cancellationToken) => SendAsync(email, null, cancellationToken);

    public async Task<SmtpDeliveryOutcome> SendAsync(OutgoingEmail email, BeforeSmtpTransaction? beforeTransaction, CancellationToken cancellationToken)
    {
        var alertId = email.EnvelopeId ?? throw new InvalidOperationException("an Alert Form carries its alert id as ENVID");
        await observe($"queued#{alertId}");
        return await inner.SendAsync(
            email,
            async token =>
            {
                if (beforeTransaction is not null)
                {
                    await beforeTransaction(token);
                }

                await observe($"attempt#{alertId}");
            },
            cancellationToken);
    }
}
