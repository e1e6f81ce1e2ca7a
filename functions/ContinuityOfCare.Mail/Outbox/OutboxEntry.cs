using ContinuityOfCare.Core.Alerts;
using NodaTime;

namespace ContinuityOfCare.Mail.Outbox;

/// <summary>An outbox row as the operator (and tests) see it. No client data: the form itself is not exposed here.</summary>
/// <param name="AlertId">The alert.</param>
/// <param name="Reference">Its printed reference.</param>
/// <param name="Status">Where it is.</param>
/// <param name="AttemptCount">Claims so far.</param>
/// <param name="AttemptStartedAt">When the latest claim was made, if any.</param>
/// <param name="MessageId">The Message-ID used, once attempted.</param>
/// <param name="SmtpCode">The last SMTP code (250 when sent).</param>
/// <param name="SmtpReply">The relay's reply when sent, else the last failure.</param>
/// <param name="TemplateVersion">The template version of the sent message.</param>
/// <param name="SmtpQueueId">The relay's queue id from its reply, when it named one.</param>
/// <param name="Repeats">Automatic repeats after attempts left without a reply (each carried the "may repeat" line).</param>
/// <param name="Delivery">What delivery status notifications reported after the relay accepted it.</param>
/// <param name="SentAt">When the relay accepted it, once Sent.</param>
/// <param name="Kind">Empty for an Alert Form; <see cref="OutboxKeys.EscalationKind"/> or <see cref="OutboxKeys.NoticeKind"/> for an email queued rendered.</param>
public sealed record OutboxEntry(
    string AlertId,
    string Reference,
    AlertStatus Status,
    int AttemptCount,
    Instant? AttemptStartedAt,
    string? MessageId,
    int? SmtpCode,
    string? SmtpReply,
    string? TemplateVersion,
    string? SmtpQueueId = null,
    int Repeats = 0,
    DeliveryState Delivery = DeliveryState.Unknown,
    Instant? SentAt = null,
    string Kind = "")
{
    /// <summary>True for an obligation's escalation email (not an Alert Form).</summary>
    public bool IsEscalation => Kind == OutboxKeys.EscalationKind;
}
