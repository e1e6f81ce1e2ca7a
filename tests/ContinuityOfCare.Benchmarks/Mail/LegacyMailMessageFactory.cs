using System.Net.Mail;
using System.Net.Mime;
using System.Text;

using ContinuityOfCare.Mail.Transport;

namespace ContinuityOfCare.Benchmarks.Mail;

/// <summary>
/// The previous transport's message builder, kept verbatim for the benchmark baseline (docs/benchmarks.md "Mail"):
/// builds the System.Net.Mail message for one <see cref="OutgoingEmail"/>: multipart/alternative with the plain text first
/// and the HTML second (RFC 2046 §5.1.4: last is preferred), and the headers the issue asks for.
/// </summary>
internal static class LegacyMailMessageFactory
{
    /// <summary>RFC 3834 §5: marks the message as machine-generated so auto-responders stay quiet.</summary>
    public const string AutoSubmittedHeader = "Auto-Submitted";

    /// <summary>Exchange's equivalent of Auto-Submitted (suppresses out-of-office replies to the hub).</summary>
    public const string AutoResponseSuppressHeader = "X-Auto-Response-Suppress";

    /// <summary>The template version the bodies were rendered from, so a received message can be traced to its template.</summary>
    public const string TemplateVersionHeader = "X-CoC-Template";

    /// <summary>Creates a new message; the caller disposes it.</summary>
    public static MailMessage Create(OutgoingEmail email)
    {
        ArgumentNullException.ThrowIfNull(email);
        var message = new MailMessage
        {
            From = new MailAddress(email.From.Address, email.From.DisplayName, Encoding.UTF8),
            Subject = email.Subject,
            SubjectEncoding = Encoding.UTF8,
            HeadersEncoding = Encoding.UTF8,
            // CRLF line ends, as RFC 5322 wants them once decoded (System.Net.Mail still quoted-printable-encodes them as =0D=0A).
            Body = email.TextBody.ReplaceLineEndings("\r\n"),
            BodyEncoding = Encoding.UTF8,
            BodyTransferEncoding = TransferEncoding.QuotedPrintable,
            IsBodyHtml = false,
        };
        try
        {
            message.To.Add(new MailAddress(email.To.Address, email.To.DisplayName, Encoding.UTF8));
            if (email.ReplyTo is not null)
            {
                message.ReplyToList.Add(new MailAddress(email.ReplyTo.Address, email.ReplyTo.DisplayName, Encoding.UTF8));
            }

            message.Headers.Add("Message-ID", email.MessageId);
            message.Headers.Add(AutoSubmittedHeader, "auto-generated");
            message.Headers.Add(AutoResponseSuppressHeader, "All");
            message.Headers.Add(TemplateVersionHeader, email.TemplateVersion);

            var html = AlternateView.CreateAlternateViewFromString(email.HtmlBody.ReplaceLineEndings("\r\n"), Encoding.UTF8, MediaTypeNames.Text.Html);
            html.TransferEncoding = TransferEncoding.QuotedPrintable;
            message.AlternateViews.Add(html);
            return message;
        }
        catch
        {
            message.Dispose();
            throw;
        }
    }
}
