using MimeKit;

namespace ContinuityOfCare.Mail.Tests;

/// <summary>
/// Real delivery status notifications (RFC 3464 inside an RFC 3462 multipart/report), built with MimeKit the way a
/// relay such as Postfix writes them: a human-readable part, the <c>message/delivery-status</c> part, and the original
/// headers as <c>text/rfc822-headers</c> (what <c>RET=HDRS</c> asks for).
/// </summary>
internal static class DeliveryReports
{
    public static MimeMessage For(string? envelopeId, string? originalMessageId, string recipient, string action, string status, string? diagnostic)
    {
        var report = new MultipartReport("delivery-status")
        {
            new TextPart("plain") { Text = "This is the mail system at host relay.test.\r\n\r\nYour message could not be delivered.\r\n" },
        };
        var deliveryStatus = new MessageDeliveryStatus();
        var perMessage = new HeaderList { { "Reporting-MTA", "dns; relay.test" } };
        if (envelopeId is not null)
        {
            perMessage.Add("Original-Envelope-Id", envelopeId);
        }

        perMessage.Add("Arrival-Date", "Fri, 11 Dec 2026 15:04:09 +0000");
        deliveryStatus.StatusGroups.Add(perMessage);
        var perRecipient = new HeaderList
        {
            { "Final-Recipient", $"rfc822; {recipient}" },
            { "Original-Recipient", $"rfc822; {recipient}" },
            { "Action", action },
            { "Status", status },
        };
        if (diagnostic is not null)
        {
            perRecipient.Add("Diagnostic-Code", $"smtp; {diagnostic}");
        }

        deliveryStatus.StatusGroups.Add(perRecipient);
        report.Add(deliveryStatus);

        var original = new MimeMessage { Subject = "Alert Form CC-2026-000123" };
        original.From.Add(MailboxAddress.Parse("hub@continuity.gov.uk"));
        original.To.Add(MailboxAddress.Parse(recipient));
        if (originalMessageId is not null)
        {
            original.MessageId = originalMessageId;
        }

        report.Add(new TextRfc822Headers { Message = original });

        var message = new MimeMessage { Subject = action == "failed" ? "Undelivered Mail Returned to Sender" : "Delayed Mail (still being retried)", Body = report };
        message.From.Add(new MailboxAddress("Mail Delivery System", "MAILER-DAEMON@relay.test"));
        message.To.Add(MailboxAddress.Parse("bounces@continuity.gov.uk"));
        return message;
    }

    public static MimeMessage NotAReport()
    {
        var message = new MimeMessage { Subject = "Out of office", Body = new TextPart("plain") { Text = "I am away until Monday." } };
        message.From.Add(MailboxAddress.Parse("someone@hmps.gov.uk"));
        message.To.Add(MailboxAddress.Parse("bounces@continuity.gov.uk"));
        return message;
    }
}
