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
                "A send was interrupted after the message may have reached the relay. Check with the recipient; release the alert to re-send it with the same Message-ID, or leave it."),
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
            $"Operator notice {notice.AlertReference}: {title}",
            _html.Render(values),
            _text.Render(values),
            TemplateVersion);
    }
}
