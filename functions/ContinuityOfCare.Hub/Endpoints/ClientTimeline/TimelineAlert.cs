using ContinuityOfCare.Core.Alerts;
using ContinuityOfCare.Mail.Outbox;
using NodaTime;

namespace ContinuityOfCare.Hub.Endpoints.ClientTimeline;

/// <summary>An Alert Form in a client's timeline, with its delivery status from the outbox (architecture.md "Reliability rules").</summary>
/// <param name="Id">The alert id.</param>
/// <param name="EventId">The event it reports.</param>
/// <param name="Reference">The printed reference (also the email subject's).</param>
/// <param name="RecipientOrgCode">The receiving organisation.</param>
/// <param name="Status">pending, sending, sent, failed, held or unconfirmed.</param>
/// <param name="Attempts">Send attempts so far.</param>
/// <param name="LastAttemptAt">When the latest attempt started.</param>
/// <param name="SmtpCode">The last SMTP code (250 when sent).</param>
/// <param name="SmtpReply">The relay's own reply (code and text) when sent, else the last failure (docs/email.md "Transport").</param>
/// <param name="QueueId">The relay's queue id, when its reply named one.</param>
/// <param name="Repeats">Automatic repeats after unanswered attempts (each labelled "this may repeat").</param>
/// <param name="Delivery">unknown, delayed or bounced: what delivery status notifications reported.</param>
public sealed record TimelineAlert(
    string Id,
    string EventId,
    string Reference,
    string RecipientOrgCode,
    AlertStatus Status,
    int Attempts,
    Instant? LastAttemptAt,
    int? SmtpCode,
    string? SmtpReply,
    string? QueueId,
    int Repeats,
    DeliveryState Delivery);
