using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;

namespace ContinuityOfCare.Mail.Transport;

/// <summary>
/// Turns a MailKit failure into an outcome (architecture.md "Reliability rules": SMTP 4xx and connection failures are
/// transient; SMTP 5xx — bad mailbox, relay denied — is permanent and must not be retried).
/// </summary>
public static class SmtpFailureClassifier
{
    /// <summary>Classifies an SMTP reply code: 4xx transient, 5xx permanent, anything else (no reply, odd code) transient.</summary>
    public static DeliveryOutcomeKind Classify(int smtpCode) => smtpCode switch
    {
        >= 500 and <= 599 => DeliveryOutcomeKind.PermanentFailure,
        _ => DeliveryOutcomeKind.TransientFailure,
    };

    /// <summary>True for the failures that mean "no usable session": refused, reset, timed out, dropped mid-DATA, TLS or AUTH refused.</summary>
    public static bool IsConnectionFailure(Exception exception) =>
        exception is IOException or SocketException or TimeoutException or ProtocolException or ServiceNotConnectedException
            or ServiceNotAuthenticatedException or AuthenticationException or SslHandshakeException or NotSupportedException;

    /// <summary>The server refused a command: its code and its own text are recorded.</summary>
    public static SmtpDeliveryOutcome Classify(SmtpCommandException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var code = (int)exception.StatusCode;
        var detail = SmtpReplies.Format(code, exception.Message);
        return Classify(code) == DeliveryOutcomeKind.PermanentFailure
            ? SmtpDeliveryOutcome.Permanent(code, detail)
            : SmtpDeliveryOutcome.Transient(code, detail);
    }

    /// <summary>
    /// A failure without an SMTP reply (connection refused or dropped, STARTTLS not offered, AUTH refused): transient,
    /// described by the innermost cause ("Connection refused"). An AUTH failure carries the server's text, never a secret.
    /// </summary>
    public static SmtpDeliveryOutcome Classify(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (exception is SmtpCommandException command)
        {
            return Classify(command);
        }

        var inner = exception;
        while (inner.InnerException is not null)
        {
            inner = inner.InnerException;
        }

        var text = ReferenceEquals(inner, exception) ? exception.Message : $"{exception.Message} ({inner.Message})";
        text = $"no SMTP reply: {exception.GetType().Name}: {text}".ReplaceLineEndings(" ");
        return SmtpDeliveryOutcome.Transient(null, text.Length <= 500 ? text : text[..500]);
    }
}
