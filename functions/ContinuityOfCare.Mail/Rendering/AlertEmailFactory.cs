using ContinuityOfCare.Core.Alerts;
using ContinuityOfCare.Mail.Transport;
using Microsoft.Extensions.Options;
using NodaTime;

namespace ContinuityOfCare.Mail.Rendering;

/// <summary>
/// Turns an <see cref="AlertForm"/> into the message the relay receives: rendered bodies and subject, the stable
/// Message-ID derived from the alert id, the hub as sender and the sending team's SPOC as Reply-To. A form that asks for
/// an obligation carries the acknowledgement link the <see cref="IAcknowledgementLinkIssuer"/> issues at render time.
/// An escalation email is made here too (<see cref="CreateEscalation"/>), with a link from the same issuer, so every
/// acknowledgement link the hub emails is issued at send time and stored nowhere.
/// </summary>
public sealed class AlertEmailFactory
{
    private readonly AlertFormRenderer _renderer;
    private readonly SmtpOptions _smtp;
    private readonly IAcknowledgementLinkIssuer _acknowledgementLinks;
    private readonly EscalationRenderer _escalations;

    /// <summary>Creates the factory; without <paramref name="acknowledgementLinks"/> forms and escalations carry no acknowledgement link.</summary>
    public AlertEmailFactory(
        AlertFormRenderer renderer,
        IOptions<SmtpOptions> smtpOptions,
        IAcknowledgementLinkIssuer? acknowledgementLinks = null,
        EscalationRenderer? escalations = null)
    {
        ArgumentNullException.ThrowIfNull(renderer);
        ArgumentNullException.ThrowIfNull(smtpOptions);
        _renderer = renderer;
        _smtp = smtpOptions.Value;
        _acknowledgementLinks = acknowledgementLinks ?? new NoAcknowledgementLinks();
        _escalations = escalations ?? new EscalationRenderer();
    }

    /// <summary>The Message-ID every send of <paramref name="alertId"/> carries.</summary>
    public string MessageIdFor(string alertId) => MessageIds.For(alertId, _smtp.MessageIdDomain);

    /// <summary>
    /// Renders and addresses <paramref name="form"/> as sent at <paramref name="sentAt"/>. <paramref name="repeatOf"/> is
    /// the start of an earlier attempt that got no reply: the message then opens with the <see cref="RepeatNotice"/> line.
    /// </summary>
    public OutgoingEmail Create(AlertForm form, Instant sentAt, Instant? repeatOf = null)
    {
        ArgumentNullException.ThrowIfNull(form);
        var link = form.Request is null ? null : _acknowledgementLinks.LinkFor(form.Request.ObligationId, sentAt);
        var rendered = _renderer.Render(form, sentAt, link);
        if (repeatOf is { } first)
        {
            var line = RepeatNotice.Line(first, form.Reference);
            rendered = rendered with { Text = RepeatNotice.AddToText(rendered.Text, line), Html = RepeatNotice.AddToHtml(rendered.Html, line) };
        }

        return new OutgoingEmail(
            MessageIdFor(form.Id),
            new MailParty(_smtp.SenderAddress, _smtp.SenderDisplayName),
            new MailParty(form.To.Email, form.To.OrgName),
            form.From is null ? null : new MailParty(form.From.Email, form.From.OrgName),
            rendered.Subject,
            rendered.Text,
            rendered.Html,
            rendered.TemplateVersion,
            form.Id);
    }

    /// <summary>
    /// Renders and addresses escalation email <paramref name="id"/> about <paramref name="notice"/> to
    /// <paramref name="to"/> as sent at <paramref name="sentAt"/>: "how late" as of then, and an acknowledgement link
    /// issued then. <paramref name="repeatOf"/> as for <see cref="Create"/>.
    /// </summary>
    public OutgoingEmail CreateEscalation(string id, EscalationNotice notice, MailParty to, Instant sentAt, Instant? repeatOf = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        ArgumentNullException.ThrowIfNull(notice);
        ArgumentNullException.ThrowIfNull(to);
        var rendered = _escalations.Render(notice, _acknowledgementLinks.LinkFor(notice.ObligationId, sentAt), sentAt);
        if (repeatOf is { } first)
        {
            var line = RepeatNotice.Line(first, notice.ClientReference, "email");
            rendered = rendered with { Text = RepeatNotice.AddToText(rendered.Text, line), Html = RepeatNotice.AddToHtml(rendered.Html, line) };
        }

        return new OutgoingEmail(
            MessageIdFor(id),
            new MailParty(_smtp.SenderAddress, _smtp.SenderDisplayName),
            to,
            null,
            rendered.Subject,
            rendered.Text,
            rendered.Html,
            rendered.TemplateVersion,
            id);
    }
}
