using Azure;
using Azure.Data.Tables;
using ContinuityOfCare.Core.Alerts;
using ContinuityOfCare.Mail.Rendering;
using ContinuityOfCare.Mail.Transport;
using NodaTime;
using NodaTime.Extensions;

namespace ContinuityOfCare.Mail.Outbox;

/// <summary>
/// An email the outbox carries instead of an Alert Form: an operator notice (<see cref="OutboxKeys.NoticeKind"/>), stored
/// rendered, or an obligation's escalation level (<see cref="OutboxKeys.EscalationKind"/>), stored as its
/// <see cref="EscalationNotice"/> and rendered when sent, with an acknowledgement link issued then (the link is a
/// credential: never stored) and "how late" as of the send. Queued insert-if-absent by its deterministic
/// <paramref name="Id"/> (which is also its Message-ID's local part), so queueing it again changes nothing; from then on
/// it is delivered exactly like an Alert Form (docs/email.md "Outbox").
/// </summary>
/// <param name="Id">The outbox id, deterministic for what the email is about.</param>
/// <param name="Kind">How the sender builds it: <see cref="OutboxKeys.NoticeKind"/> or <see cref="OutboxKeys.EscalationKind"/>.</param>
/// <param name="Reference">The reference the recipient knows it by (shown by <c>coc status</c>; may be empty).</param>
/// <param name="RecipientOrgCode">The recipient's directory code (empty for the operator).</param>
/// <param name="To">The recipient.</param>
/// <param name="Rendered">The rendered subject and bodies (a notice); null for an escalation.</param>
/// <param name="Escalation">What an escalation email is about, rendered when sent; null for a notice.</param>
public sealed record QueuedEmail(string Id, string Kind, string Reference, string RecipientOrgCode, MailParty To, RenderedEmail? Rendered, EscalationNotice? Escalation = null)
{
    /// <summary>An escalation level's email to <paramref name="to"/>, stored as <paramref name="notice"/> and rendered when sent.</summary>
    public static QueuedEmail ForEscalation(string id, string recipientOrgCode, MailParty to, EscalationNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        return new QueuedEmail(id, OutboxKeys.EscalationKind, notice.ClientReference, recipientOrgCode, to, null, notice);
    }

    /// <summary>Stores the email as Pending unless a row with its id exists: true when queued now.</summary>
    internal async Task<bool> TryQueueAsync(TableClient outbox, Instant enqueuedAt, CancellationToken cancellationToken)
    {
        if ((Rendered is null) == (Escalation is null))
        {
            throw new InvalidOperationException($"Queued email {Id} must carry either its rendered text or an escalation notice.");
        }

        var row = new TableEntity(OutboxKeys.Key(Id), OutboxKeys.RowKey)
        {
            ["AlertId"] = Id,
            ["Kind"] = Kind,
            ["Status"] = nameof(AlertStatus.Pending),
            ["Reference"] = Reference,
            ["RecipientOrgCode"] = RecipientOrgCode,
            ["RecipientEmail"] = To.Address,
            ["RecipientName"] = To.DisplayName,
            ["EnqueuedAt"] = enqueuedAt.ToDateTimeOffset(),
            ["AttemptCount"] = 0,
        };
        if (Rendered is not null)
        {
            row["Subject"] = Rendered.Subject;
            row["Text"] = Rendered.Text;
            row["Html"] = Rendered.Html;
            row["TemplateVersion"] = Rendered.TemplateVersion;
        }
        else
        {
            EscalationColumns.Write(row, Escalation!);
            row["TemplateVersion"] = EscalationRenderer.TemplateVersion;
        }

        try
        {
            await outbox.AddEntityAsync(row, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            return false;
        }
    }

    /// <summary>
    /// The email a row queued rendered carries (a notice, or an escalation queued by an earlier version), from <paramref name="from"/> to <paramref name="to"/> (the stored recipient when
    /// null). <paramref name="repeatOf"/> is the start of an earlier attempt that got no reply: the message then opens with
    /// the <see cref="RepeatNotice"/> line, as a repeated Alert Form does.
    /// </summary>
    internal static OutgoingEmail EmailFrom(TableEntity row, MailParty from, string messageIdDomain, MailParty? to, Instant? repeatOf)
    {
        var id = row.GetString("AlertId") ?? row.PartitionKey;
        var text = row.GetString("Text") ?? "";
        var html = row.GetString("Html") ?? "";
        if (repeatOf is { } first)
        {
            var line = RepeatNotice.Line(first, row.GetString("Reference") ?? "", "email");
            text = RepeatNotice.AddToText(text, line);
            html = RepeatNotice.AddToHtml(html, line);
        }

        return new OutgoingEmail(
            MessageIds.For(id, messageIdDomain), from,
            to ?? RecipientOf(row), null,
            row.GetString("Subject") ?? "", text, html, row.GetString("TemplateVersion") ?? "", id);
    }

    /// <summary>The recipient stored on a queued row.</summary>
    internal static MailParty RecipientOf(TableEntity row) =>
        new(row.GetString("RecipientEmail") ?? "", row.GetString("RecipientName") ?? "");
}
