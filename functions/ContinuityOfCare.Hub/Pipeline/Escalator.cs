using ContinuityOfCare.Core.Acknowledgements;
using ContinuityOfCare.Core.Alerts;
using ContinuityOfCare.Core.Directory;
using ContinuityOfCare.Core.Obligations;
using ContinuityOfCare.Core.Planning;
using ContinuityOfCare.Core.Time;
using ContinuityOfCare.Hub.Directory;
using ContinuityOfCare.Hub.State;
using ContinuityOfCare.Mail.Outbox;
using ContinuityOfCare.Mail.Rendering;
using ContinuityOfCare.Mail.Transport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace ContinuityOfCare.Hub.Pipeline;

/// <summary>
/// Runs one level of an overdue obligation's escalation ladder (docs/domain.md "Escalation": level 1 the owner's SPOC,
/// level 2 the owner's escalation contact, level 3 the regional team), and computes the grace before the next. Called
/// by the obligation's orchestration, which decides <em>when</em> (docs/pipeline.md "Obligations as orchestrations").
/// <para>The level's email goes through the alert outbox, like an operator notice (docs/email.md "Outbox"): rendered
/// and queued insert-if-absent under an id derived from the obligation and level (<see cref="EmailIdOf"/>, also its
/// Message-ID), then the level is recorded with that id (the store's guard row, inserted with the state move in one
/// transaction: only one caller wins), then the outbox is asked to send it at once. The outbox alone delivers it from
/// there — claim by ETag, breaker, Pending while the relay is down and sent by its sweep, the residual window's bounded,
/// labelled repeats — so the engine running the activity again queues nothing new and sends nothing twice. Queued
/// before it is recorded, so no crash can leave a recorded level without its email; a level refused by the store (the
/// obligation closed meanwhile) takes its untouched email back. A level with no recipient is recorded without an email
/// and an <c>EscalationUndelivered</c> notice asks for a manual follow-up.</para>
/// </summary>
public sealed partial class Escalator(
    HubState state,
    DirectoryStore directories,
    CalendarProvider calendars,
    ObligationReferences references,
    PlanOptions planOptions,
    AcknowledgementTokens acknowledgements,
    EscalationRenderer renderer,
    AlertOutbox outbox,
    IOptions<PipelineOptions> options,
    IClock clock,
    ILogger<Escalator> logger)
{
    /// <summary>The outbox id (and Message-ID local part) of level <paramref name="level"/>'s email of <paramref name="obligationId"/>.</summary>
    public static string EmailIdOf(string obligationId, int level) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"escalation-{obligationId}-l{level}");

    /// <summary>Queues and records level <paramref name="level"/> of <paramref name="obligationId"/>'s ladder unless it was recorded already or the obligation closed.</summary>
    public async Task<EscalationOutcome> EscalateAsync(string obligationId, int level, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(obligationId);
        ArgumentOutOfRangeException.ThrowIfLessThan(level, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(level, 3);
        var stored = await state.Obligations.GetAsync(obligationId, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return EscalationOutcome.NotFound;
        }

        if (stored.Obligation.IsClosed)
        {
            return EscalationOutcome.Closed;
        }

        var now = clock.GetCurrentInstant();
        if (stored.Escalations.Any(e => e.Level >= level))
        {
            if (stored.EscalationEmails.TryGetValue(level, out var recordedEmail) && recordedEmail.Length == 0)
            {
                // Recorded without a recipient: the notice may not have been raised before a crash (raised once a day at most).
                await NoRecipientNoticeAsync(stored, level, now, cancellationToken).ConfigureAwait(false);
            }

            return EscalationOutcome.AlreadyEscalated;
        }

        var email = await ComposeAsync(stored, level, now, cancellationToken).ConfigureAwait(false);
        if (email is not null)
        {
            _ = await outbox.EnqueueEmailAsync(email, cancellationToken).ConfigureAwait(false);
        }

        var recorded = await state.Obligations.RecordEscalationAsync(stored.Id, level, now, email?.Id ?? "", cancellationToken).ConfigureAwait(false);
        if (recorded.Outcome is not (ChangeOutcome.Applied or ChangeOutcome.AlreadyApplied))
        {
            // Closed meanwhile (or gone): the level is not escalated, so its email must not go.
            if (email is not null)
            {
                _ = await outbox.WithdrawAsync(email.Id, cancellationToken).ConfigureAwait(false);
            }

            return EscalationOutcome.Closed;
        }

        if (email is null)
        {
            await NoRecipientNoticeAsync(stored, level, now, cancellationToken).ConfigureAwait(false);
            return recorded.Outcome == ChangeOutcome.Applied ? EscalationOutcome.EscalatedDeliveryFailed : EscalationOutcome.AlreadyEscalated;
        }

        // Sent at once, as a notice is; whatever the relay says, the outbox row is now the email's only state. So a
        // failure of this step (storage) changes nothing recorded: the row stays Pending and the sweep sends it.
        DispatchResult sent;
        try
        {
            sent = await outbox.SendAsync(email.Id, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogSendAtOnceFailed(stored.Id, level, exception.GetType().Name);
            sent = DispatchResult.LeftPending;
        }

        LogEscalation(stored.Id, level, sent);
        if (recorded.Outcome == ChangeOutcome.AlreadyApplied)
        {
            // Another run recorded the level first (with the same email: one id).
            return EscalationOutcome.AlreadyEscalated;
        }

        return sent switch
        {
            DispatchResult.Sent or DispatchResult.AlreadySent => EscalationOutcome.Escalated,
            // Refused for good now or by an earlier sender (the sweep may have beaten this run to it), or gone: it will not go.
            DispatchResult.Failed or DispatchResult.AlreadyFinal or DispatchResult.Held or DispatchResult.NotFound => EscalationOutcome.EscalatedDeliveryFailed,
            // Still to go, or its fate waits for the operator: the outbox (and `coc alert release`) has it.
            DispatchResult.LeftPending or DispatchResult.CircuitOpen or DispatchResult.InFlightElsewhere or DispatchResult.AwaitingOperator => EscalationOutcome.Queued,
            _ => throw new ArgumentOutOfRangeException(nameof(sent), sent, "An outbox dispatch result this mapping does not know."),
        };
    }

    /// <summary>
    /// Where level <paramref name="level"/>'s email is (read-only: the outbox alone sends it). The orchestration starts
    /// the level's grace only once it has <see cref="EscalationEmailProgress.Left"/> the outbox, so a relay outage longer
    /// than the grace never queues the next level behind it (docs/domain.md "Escalation": never two at once).
    /// </summary>
    public async Task<EscalationEmailProgress> EmailProgressAsync(string obligationId, int level, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(obligationId);
        var stored = await state.Obligations.GetAsync(obligationId, cancellationToken).ConfigureAwait(false);
        if (stored is null || stored.Obligation.IsClosed)
        {
            return EscalationEmailProgress.Closed;
        }

        if (!stored.EscalationEmails.TryGetValue(level, out var emailId) || emailId.Length == 0)
        {
            // No email to wait for: recorded without a recipient, or before emails went through the outbox.
            return EscalationEmailProgress.Left;
        }

        var row = await outbox.GetAsync(emailId, cancellationToken).ConfigureAwait(false);
        return row?.Status is AlertStatus.Pending or AlertStatus.Sending ? EscalationEmailProgress.Waiting : EscalationEmailProgress.Left;
    }

    /// <summary>
    /// How long from now until level <paramref name="sentLevel"/>'s grace has passed (the core's
    /// <see cref="EscalationLadder.GraceEnds"/>, on the hub's clock), counted from when the relay accepted the level's
    /// email (its outbox row's <c>SentAt</c>), or from when the level was recorded when it has no sent email; zero when
    /// it already has; null when the obligation is gone or closed.
    /// </summary>
    public async Task<TimeSpan?> GraceLeftAsync(string obligationId, int sentLevel, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(obligationId);
        var stored = await state.Obligations.GetAsync(obligationId, cancellationToken).ConfigureAwait(false);
        if (stored is null || stored.Obligation.IsClosed)
        {
            return null;
        }

        var now = clock.GetCurrentInstant();
        var recordedAt = stored.Escalations.Where(e => e.Level == sentLevel).Select(e => (Instant?)e.SentAt).Min() ?? now;
        var emailSentAt = stored.EscalationEmails.TryGetValue(sentLevel, out var emailId) && emailId.Length > 0
            ? (await outbox.GetAsync(emailId, cancellationToken).ConfigureAwait(false))?.SentAt
            : null;
        var sentAt = emailSentAt ?? recordedAt;
        var calendar = await calendars.GetAsync(cancellationToken).ConfigureAwait(false);
        // The next level is due strictly after the grace's last second.
        var nextAt = EscalationLadder.GraceEnds(sentAt, sentLevel, calendar, planOptions.Catalogue.Escalation) + Duration.FromSeconds(1);
        return nextAt > now ? (nextAt - now).ToTimeSpan() : TimeSpan.Zero;
    }

    /// <summary>
    /// The acknowledgement link for <paramref name="token"/>: <c>{publicBaseUrl}api/ack/{token}</c>. The Acknowledge
    /// function's route is <c>ack/{token}</c>, served under the HTTP route prefix <c>api</c> (the Functions host's
    /// default <c>routePrefix</c>, which the local host uses too); <paramref name="publicBaseUrl"/> is the site root.
    /// </summary>
    public static Uri AcknowledgementLink(Uri publicBaseUrl, string token)
    {
        ArgumentNullException.ThrowIfNull(publicBaseUrl);
        ArgumentException.ThrowIfNullOrEmpty(token);
        return new Uri(publicBaseUrl, "api/ack/" + token);
    }

    /// <summary>The level's email, rendered and addressed; null (with nothing queued) when the level has no recipient.</summary>
    private async Task<QueuedEmail?> ComposeAsync(StoredObligation stored, int level, Instant now, CancellationToken cancellationToken)
    {
        var obligation = stored.Obligation;
        var directory = (await directories.LoadLiveAsync(cancellationToken).ConfigureAwait(false)).Live;
        var regional = directory?.Entries.FirstOrDefault(e => e.OrgType == OrgType.RegionalTeam);
        var ownerEntry = directory?.Find(obligation.OwnerOrganisationId) ?? regional;
        if (ownerEntry is null)
        {
            return null;
        }

        var owner = AlertParty.From(ownerEntry);
        var recipient = level switch
        {
            1 => owner,
            2 => owner with { Email = ownerEntry.EscalationEmail, SpocName = null },
            _ => regional is null ? owner with { Email = ownerEntry.EscalationEmail, SpocName = null } : AlertParty.From(regional),
        };
        var link = AcknowledgementLink(options.Value.PublicBaseUrl, acknowledgements.Issue(obligation.Id, now).Token);
        var reference = await references.GetAsync(obligation.Id, cancellationToken).ConfigureAwait(false);
        var id = EmailIdOf(obligation.Id, level);
        var notice = new EscalationNotice(
            $"{obligation.Id}-l{level}", level, reference, obligation.Id, obligation.RuleId, stored.MustDo, obligation.Due, owner, recipient, link);
        return new QueuedEmail(id, OutboxKeys.EscalationKind, reference, recipient.OrgCode, new MailParty(recipient.Email, recipient.OrgName), renderer.Render(notice, now));
    }

    private async Task NoRecipientNoticeAsync(StoredObligation stored, int level, Instant now, CancellationToken cancellationToken)
    {
        var key = $"escalation-undelivered-{stored.Id}-l{level}";
        await state.Notices.TryRaiseAsync(
            new HubNotice(key, LondonTime.ToLocal(now).Date, "EscalationUndelivered",
                $"Escalation level {level} of obligation {stored.Id} ({stored.Obligation.RuleId}, owner {stored.Obligation.OwnerOrganisationId}) is recorded but no directory entry names its owner or the regional team, so no email was queued: contact the recipient by hand.",
                now),
            cancellationToken).ConfigureAwait(false);
    }

    // The exception's type only: a storage message may quote the row, and logs carry no personal data.
    [LoggerMessage(EventId = 6202, Level = LogLevel.Warning, Message = "Obligation {ObligationId} escalation level {Level}: sending at once failed ({ExceptionType}); the email stays queued for the outbox sweep")]
    private partial void LogSendAtOnceFailed(string obligationId, int level, string exceptionType);

    [LoggerMessage(EventId = 6201, Level = LogLevel.Information, Message = "Obligation {ObligationId} escalation level {Level}: email {Outcome}")]
    private partial void LogEscalation(string obligationId, int level, DispatchResult outcome);
}
