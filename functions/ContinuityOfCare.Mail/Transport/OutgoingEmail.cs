namespace ContinuityOfCare.Mail.Transport;

/// <summary>
/// One fully rendered message, immutable so every SMTP attempt builds a fresh MIME message from the same facts.
/// </summary>
/// <param name="MessageId">The stable Message-ID including angle brackets (see <see cref="MessageIds"/>).</param>
/// <param name="From">The hub's sender address.</param>
/// <param name="To">The single recipient: one SPOC mailbox per alert.</param>
/// <param name="ReplyTo">Where replies go: the sending team's SPOC, or null for none.</param>
/// <param name="Subject">The subject: a reference and the kind of change only, never personal data.</param>
/// <param name="TextBody">The plain-text alternative.</param>
/// <param name="HtmlBody">The HTML alternative.</param>
/// <param name="TemplateVersion">The template the bodies came from (e.g. <c>alert-form.v1</c>), recorded with the send.</param>
/// <param name="EnvelopeId">The DSN envelope id (RFC 3461 <c>ENVID</c>): the alert id, so a bounce finds its alert; null for none.</param>
public sealed record OutgoingEmail(
    string MessageId,
    MailParty From,
    MailParty To,
    MailParty? ReplyTo,
    string Subject,
    string TextBody,
    string HtmlBody,
    string TemplateVersion,
    string? EnvelopeId = null);
