using System.Net;
using System.Net.Mail;
using ContinuityOfCare.Mail.Transport;

namespace ContinuityOfCare.Benchmarks.Mail;

/// <summary>
/// The hub's previous transport (System.Net.Mail, one connection per message), kept only as the benchmark's baseline so
/// old and new are measured side by side in one run on the same messages (docs/benchmarks.md "Mail"). Not used by the
/// hub: Microsoft advises against System.Net.Mail.SmtpClient for new development.
/// </summary>
internal sealed class LegacySmtpTransport(SmtpOptions options) : ISmtpTransport
{
    public async Task<SmtpDeliveryOutcome> SendAsync(OutgoingEmail email, SmtpAttemptObserver? attempts, CancellationToken cancellationToken)
    {
        using var client = new SmtpClient(options.Host, options.Port)
        {
            DeliveryMethod = SmtpDeliveryMethod.Network,
            EnableSsl = options.RequireStartTls,
            Timeout = (int)Math.Min(int.MaxValue, options.Timeout.TotalMilliseconds),
        };
        if (!string.IsNullOrWhiteSpace(options.UserName))
        {
            client.Credentials = new NetworkCredential(options.UserName, options.Password);
        }

        using var message = LegacyMailMessageFactory.Create(email);
        try
        {
            if (attempts is not null)
            {
                await attempts(SmtpAttemptPhase.Starting, cancellationToken).ConfigureAwait(false);
            }

            await client.SendMailAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (SmtpException exception)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var code = (int)exception.StatusCode;
            return code is >= 500 and <= 599
                ? SmtpDeliveryOutcome.Permanent(code, exception.Message)
                : SmtpDeliveryOutcome.Transient(exception.StatusCode == SmtpStatusCode.GeneralFailure ? null : code, exception.Message);
        }

        // System.Net.Mail hides the relay's reply text; this made-up reply is what the old outbox recorded.
        return SmtpDeliveryOutcome.Sent($"250 accepted by {options.Host}:{options.Port}");
    }
}
