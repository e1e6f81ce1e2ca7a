using MailKit;
using MailKit.Net.Smtp;
using MimeKit;

namespace ContinuityOfCare.Mail.Transport;

/// <summary>
/// MailKit's client with the hub's delivery status notification request (RFC 3461): <c>NOTIFY=FAILURE,DELAY</c> per
/// recipient, <c>RET=HDRS</c> and <c>ENVID</c> = the alert id, so a bounce can be matched to its alert without the
/// body coming back (docs/email.md "Delivery status and bounces"). MailKit adds these parameters only when the server
/// advertises the DSN extension.
/// </summary>
internal sealed class HubSmtpClient : SmtpClient
{
    public HubSmtpClient() => DeliveryStatusNotificationType = DeliveryStatusNotificationType.HeadersOnly;

    /// <summary>Whether to ask for DSNs at all (<see cref="SmtpOptions.RequestDeliveryStatus"/>).</summary>
    public bool RequestDeliveryStatus { get; init; }

    /// <summary>The ENVID of the next message sent on this connection (one message at a time per connection).</summary>
    public string? NextEnvelopeId { get; set; }

    /// <summary>
    /// True once the relay accepted a recipient of the current message, i.e. the message content may follow. A failure
    /// before that point cannot have delivered anything; after it, nobody knows (docs/email.md "The residual window").
    /// </summary>
    public bool RecipientAccepted { get; set; }

    protected override void OnRecipientAccepted(MimeMessage message, MailboxAddress mailbox, SmtpResponse response)
    {
        RecipientAccepted = true;
        base.OnRecipientAccepted(message, mailbox, response);
    }

    protected override string? GetEnvelopeId(MimeMessage message) => RequestDeliveryStatus ? NextEnvelopeId : null;

    protected override DeliveryStatusNotification? GetDeliveryStatusNotifications(MimeMessage message, MailboxAddress mailbox) =>
        RequestDeliveryStatus ? DeliveryStatusNotification.Failure | DeliveryStatusNotification.Delay : null;
}
