using System.Net.Mail;

namespace ContinuityOfCare.Mail.Transport;

/// <summary>
/// Turns a System.Net.Mail failure into an outcome (architecture.md "Reliability rules": SMTP 4xx and connection failures
/// are transient; SMTP 5xx — bad mailbox, relay denied — is permanent and must not be retried).
/// </summary>
public static class SmtpFailureClassifier
{
    /// <summary>Classifies an SMTP reply code: 4xx transient, 5xx permanent, anything else (no reply, odd code) transient.</summary>
    public static DeliveryOutcomeKind Classify(int smtpCode) => smtpCode switch
    {
        >= 500 and <= 599 => DeliveryOutcomeKind.PermanentFailure,
        _ => DeliveryOutcomeKind.TransientFailure,
    };

    /// <summary>
    /// Classifies an <see cref="SmtpException"/>. <see cref="SmtpStatusCode.GeneralFailure"/> (-1) means no SMTP reply at
    /// all — the connection failed or broke — which is transient.
    /// </summary>
    public static SmtpDeliveryOutcome Classify(SmtpException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var code = (int)exception.StatusCode;
        var detail = Describe(exception);
        if (exception.StatusCode == SmtpStatusCode.GeneralFailure)
        {
            return SmtpDeliveryOutcome.Transient(null, detail);
        }

        return Classify(code) == DeliveryOutcomeKind.PermanentFailure
            ? SmtpDeliveryOutcome.Permanent(code, detail)
            : SmtpDeliveryOutcome.Transient(code, detail);
    }

    private static string Describe(SmtpException exception)
    {
        // The innermost cause explains a connection failure ("Connection refused"); the outer message explains a reply.
        var inner = exception.InnerException;
        while (inner?.InnerException is not null)
        {
            inner = inner.InnerException;
        }

        var text = inner is null ? exception.Message : $"{exception.Message} ({inner.Message})";
        return text.Length <= 500 ? text : text[..500];
    }
}
