using MimeKit;
using MimeKit.Text;

namespace ContinuityOfCare.Mail.Transport;

/// <summary>
/// Builds the MimeKit message for one <see cref="OutgoingEmail"/>: multipart/alternative with the plain text first and
/// the HTML second (RFC 2046 §5.1.4: the last part is the preferred one), UTF-8 and quoted-printable, and the headers
/// docs/email.md "Headers" lists.
/// </summary>
public static class MimeMessageFactory
{
    /// <summary>RFC 3834 §5: marks the message as machine-generated so auto-responders stay quiet.</summary>
    public const string AutoSubmittedHeader = "Auto-Submitted";

    /// <summary>Exchange's equivalent of Auto-Submitted (suppresses out-of-office replies to the hub).</summary>
    public const string AutoResponseSuppressHeader = "X-Auto-Response-Suppress";

    /// <summary>The template version the bodies were rendered from, so a received message can be traced to its template.</summary>
    public const string TemplateVersionHeader = "X-CoC-Template";

    /// <summary>Creates a new message (a fresh one per attempt: MimeKit messages are cheap and nothing is shared).</summary>
    public static MimeMessage Create(OutgoingEmail email)
    {
        ArgumentNullException.ThrowIfNull(email);
        var message = new MimeMessage
        {
            // MimeKit keeps the Message-ID without its angle brackets and adds them when it writes the header.
            MessageId = email.MessageId.Trim('<', '>'),
            Subject = email.Subject,
        };
        message.From.Add(new MailboxAddress(email.From.DisplayName, email.From.Address));
        message.To.Add(new MailboxAddress(email.To.DisplayName, email.To.Address));
        if (email.ReplyTo is not null)
        {
            message.ReplyTo.Add(new MailboxAddress(email.ReplyTo.DisplayName, email.ReplyTo.Address));
        }

        message.Headers.Add(AutoSubmittedHeader, "auto-generated");
        message.Headers.Add(AutoResponseSuppressHeader, "All");
        message.Headers.Add(TemplateVersionHeader, email.TemplateVersion);
        message.Body = new MultipartAlternative
        {
            Part(TextFormat.Plain, email.TextBody),
            Part(TextFormat.Html, email.HtmlBody),
        };
        return message;
    }

    private static TextPart Part(TextFormat format, string content)
    {
        var part = new TextPart(format) { ContentTransferEncoding = ContentEncoding.QuotedPrintable };
        // CRLF line ends, as RFC 5322 wants them on the wire.
        part.SetText(System.Text.Encoding.UTF8, content.ReplaceLineEndings("\r\n"));
        return part;
    }
}
