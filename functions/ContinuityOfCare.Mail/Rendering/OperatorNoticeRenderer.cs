using ContinuityOfCare.Core.Time;
using ContinuityOfCare.Mail.Outbox;

namespace ContinuityOfCare.Mail.Rendering;

/// <summary>Renders an <see cref="OperatorNotice"/> from <c>operator-notice.v1.html</c> / <c>.txt</c>.</summary>
public sealed class OperatorNoticeRenderer
{
    /// <summary>The template version of operator notices.</summary>
    public const string TemplateVersion = "operator-notice.v1";

    private readonly MailTemplate _html = MailTemplate.Load(TemplateVersion + ".html");
    private readonly MailTemplate _text = MailTemplate.Load(TemplateVersion + ".txt");

    /// <summary>Renders the notice; the subject carries the kind and the alert reference only.</summary>
    public RenderedEmail Render(OperatorNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var (title, action) = notice.Kind switch
        {
            OperatorNoticeKind.RecipientNotAllowed => (
                "recipient outside the secure-mail allow-list",
                "The Alert Form was held and nothing was sent. Correct the recipient's directory entry, or add its domain to the allow-list if it is a secure mail domain, then release the alert."),
            OperatorNoticeKind.PermanentFailure => (
                "permanent delivery failure",
                "The relay refused the Alert Form permanently. The recipient's directory entry has been flagged; correct it and re-issue the alert."),
            OperatorNoticeKind.UnconfirmedSend => (
                "send not confirmed",
                "Attempts were left without a reply more often than the automatic repeats allow. Check with the recipient; release the alert (coc alert release) to re-send it with the same Message-ID, or leave it."),
            OperatorNoticeKind.RepeatedSend => (
                "sent again after an unanswered attempt",
                "An attempt got no reply from the relay, so the Alert Form was sent again automatically with the same Message-ID and a line saying it may repeat an earlier copy. Nothing to do unless the recipient asks."),
            OperatorNoticeKind.Bounced => (
                "bounced after sending",
                "A delivery status notification reports a permanent failure: the Alert Form did not arrive. The recipient's directory entry has been flagged; correct it and re-issue the alert."),
            OperatorNoticeKind.Delayed => (
                "delivery delayed",
                "A delivery status notification reports a delay; the relay is still trying. Nothing to do yet; a bounce would follow if it gives up."),
            OperatorNoticeKind.UnreadableBounces => (
                "unreadable messages in the bounce mailbox",
                "Some messages in the bounce mailbox are not delivery status notifications the hub can read, or match no alert. They were left in the mailbox for a person to read."),
            OperatorNoticeKind.RelayDown => (
                "mail relay down",
                "The SMTP relay failed repeatedly, so sending is paused (circuit breaker open). Alert Forms and escalation emails wait in the outbox and are sent when it recovers."),
            OperatorNoticeKind.EscalationUndelivered => (
                "escalation email not delivered",
                "An obligation's escalation email could not go (the detail says why: no recipient in the directory, or the relay refused it permanently, in which case the recipient's directory entry has been flagged). The escalation level stays recorded and is not sent again; contact the recipient by hand, and correct the directory entry for that level's address (level 1: the owner's SPOC mailbox; level 2: its escalation address; level 3: the regional team's SPOC mailbox)."),
            OperatorNoticeKind.EscalationRepeated => (
                "escalation email sent again after an unanswered attempt",
                "An attempt got no reply from the relay, so the obligation's escalation email was sent again automatically with the same Message-ID and a line saying it may repeat an earlier copy. Nothing to do unless the recipient asks."),
            OperatorNoticeKind.EscalationUnconfirmed => (
                "escalation email not confirmed",
                "An obligation's escalation email got no reply from the relay more often than the automatic repeats allow. Check with the recipient; release it (coc alert release) to re-send it with the same Message-ID, or leave it. The next escalation level's grace has started."),
            OperatorNoticeKind.EscalationBounced => (
                "escalation email bounced",
                "A delivery status notification reports a permanent failure: the obligation's escalation email did not arrive. The escalation level stays recorded and is not sent again; the recipient's directory entry has been flagged. Contact the recipient by hand and correct that level's address (level 1: the owner's SPOC mailbox; level 2: its escalation address; level 3: the regional team's SPOC mailbox)."),
            OperatorNoticeKind.Hub => (
                "hub notice",
                "See the detail. `coc status` lists the hub's notices of the last seven days."),
            OperatorNoticeKind.RelayBack => (
                "mail relay back",
                "The SMTP relay is answering again (circuit breaker closed); waiting Alert Forms and escalation emails are being sent."),
            _ => (notice.Kind.ToString(), ""),
        };
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["kindTitle"] = title,
            ["action"] = action,
            ["alertReference"] = notice.AlertReference,
            ["alertId"] = notice.AlertId,
            ["recipientOrgCode"] = notice.RecipientOrgCode,
            ["recipientEmail"] = notice.RecipientEmail,
            ["detail"] = notice.Detail,
            ["raisedAt"] = LondonTime.Format(notice.RaisedAt),
            ["templateVersion"] = TemplateVersion,
        };
        return new RenderedEmail(
            notice.AlertReference.Length == 0 ? $"Operator notice: {title}" : $"Operator notice {notice.AlertReference}: {title}",
            _html.Render(values),
            _text.Render(values),
            TemplateVersion);
    }
}
