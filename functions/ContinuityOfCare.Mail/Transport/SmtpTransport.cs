using System.Net;
using System.Net.Mail;
using Microsoft.Extensions.Options;

namespace ContinuityOfCare.Mail.Transport;

/// <summary>
/// System.Net.Mail's <see cref="SmtpClient"/> (MailKit is not obtainable, architecture.md). One client per attempt:
/// SmtpClient is not safe for concurrent sends, and a fresh connection per attempt keeps failures independent.
/// </summary>
public sealed class SmtpTransport : ISmtpTransport
{
    private readonly SmtpOptions _options;

    /// <summary>Creates the transport from validated options.</summary>
    public SmtpTransport(IOptions<SmtpOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
    }

    /// <inheritdoc />
    public async Task<SmtpDeliveryOutcome> SendAsync(OutgoingEmail email, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(email);
        using var client = new SmtpClient(_options.Host, _options.Port)
        {
            DeliveryMethod = SmtpDeliveryMethod.Network,
            EnableSsl = _options.RequireStartTls,
            Timeout = (int)Math.Min(int.MaxValue, _options.Timeout.TotalMilliseconds),
        };
        if (!string.IsNullOrWhiteSpace(_options.UserName))
        {
            client.Credentials = new NetworkCredential(_options.UserName, _options.Password);
        }

        using var message = MailMessageFactory.Create(email);
        try
        {
            await client.SendMailAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (SmtpException exception)
        {
            // SmtpClient reports a cancelled send as an SmtpException ("The operation has timed out"); surface it as
            // cancellation so the per-attempt timeout (or the caller's token) is recognised as such.
            cancellationToken.ThrowIfCancellationRequested();
            return SmtpFailureClassifier.Classify(exception);
        }

        // System.Net.Mail does not expose the text of the server's final reply; a normal return means the server
        // answered 250 to the end of DATA, so that is what is recorded (docs/email.md "What is recorded").
        return SmtpDeliveryOutcome.Sent($"250 accepted by {_options.Host}:{_options.Port}");
    }
}
