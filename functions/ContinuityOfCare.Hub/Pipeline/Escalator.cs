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
using NodaTime;

namespace ContinuityOfCare.Hub.Pipeline;

/// <summary>
/// Runs one level of an overdue obligation's escalation ladder (docs/domain.md "Escalation": level 1 the owner's SPOC,
/// level 2 the owner's escalation contact, level 3 the regional team), and computes the grace before the next. Called
/// by the obligation's orchestration, which decides <em>when</em> (docs/pipeline.md "Obligations as orchestrations").
/// <para>The level's email goes through the alert outbox, like an operator notice (docs/email.md "Outbox"): queued as
/// its notice (rendered, with a freshly issued acknowledgement link, only when the outbox sends it) insert-if-absent
/// under an id derived from the obligation and level (<see cref="EmailIdOf"/>, also its Message-ID), then the level is recorded with that id (the store's guard row, inserted with the state move in one
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
    AlertOutbox outbox,
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

        var emailId = EmailIdOf(obligationId, level);
        var recorded = stored.Escalations.Any(e => e.Level >= level);
        if (stored.Obligation.IsClosed)
        {
            if (!recorded)
            {
                // A run that died between queueing and recording may have left this level's email: take it back while
                // no sender has touched it (docs/pipeline.md "Obligations as orchestrations", window (a)).
                await WithdrawForClosedAsync(obligationId, level, emailId, cancellationToken).ConfigureAwait(false);
            }

            return EscalationOutcome.Closed;
        }

        var now = clock.GetCurrentInstant();
        if (recorded)
        {
            if (stored.EscalationEmails.TryGetValue(level, out var recordedEmail) && recordedEmail.Length == 0)
            {
                // Recorded without a recipient: the notice may not have been raised before a crash (once per level).
                await NoRecipientNoticeAsync(stored, level, RecordedAt(stored, level) ?? now, cancellationToken).ConfigureAwait(false);
            }

            // A run that died after its transaction may have left the console's indexes behind: finish them.
            await state.Obligations.UpdateIndexesAfterEscalationAsync(stored.Obligation, cancellationToken).ConfigureAwait(false);
            return EscalationOutcome.AlreadyEscalated;
        }

        // Queued already by a run that died before recording: that row is the level's email, whatever the directory
        // says now (one email per level, ever).
        var hasEmail = await outbox.GetAsync(emailId, cancellationToken).ConfigureAwait(false) is not null;
        if (!hasEmail && await ComposeAsync(stored, level, emailId, cancellationToken).ConfigureAwait(false) is { } email)
        {
            _ = await outbox.EnqueueEmailAsync(email, cancellationToken).ConfigureAwait(false);
            hasEmail = true;
        }

        var record = await state.Obligations.RecordEscalationAsync(stored.Id, level, now, hasEmail ? emailId : "", cancellationToken).ConfigureAwait(false);
        if (record.Outcome is not (ChangeOutcome.Applied or ChangeOutcome.AlreadyApplied))
        {
            // Closed meanwhile (or gone): the level is not escalated, so its email must not go.
            if (hasEmail)
            {
                await WithdrawForClosedAsync(obligationId, level, emailId, cancellationToken).ConfigureAwait(false);
            }

            return EscalationOutcome.Closed;
        }

        if (!hasEmail)
        {
            // At the level's record instant, the notice's key (it is stored by London day): whichever run recorded it.
            await NoRecipientNoticeAsync(stored, level, (record.Obligation is { } after ? RecordedAt(after, level) : null) ?? now, cancellationToken).ConfigureAwait(false);
            return record.Outcome == ChangeOutcome.Applied ? EscalationOutcome.EscalatedDeliveryFailed : EscalationOutcome.AlreadyEscalated;
        }

        // Sent at once, as a notice is; whatever the relay says, the outbox row is now the email's only state. So a
        // failure of this step (storage) changes nothing recorded: the row stays Pending and the sweep sends it.
        DispatchResult sent;
        try
        {
            sent = await outbox.SendAsync(emailId, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogSendAtOnceFailed(stored.Id, level, exception.GetType().Name);
            sent = DispatchResult.LeftPending;
        }

        LogEscalation(stored.Id, level, sent);
        if (record.Outcome == ChangeOutcome.AlreadyApplied)
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
        var recordedAt = RecordedAt(stored, sentLevel) ?? now;
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
    private async Task<QueuedEmail?> ComposeAsync(StoredObligation stored, int level, string id, CancellationToken cancellationToken)
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
        var reference = await references.GetAsync(obligation.Id, cancellationToken).ConfigureAwait(false);
        // Stored as what it is about, not rendered: the outbox renders it when it sends it, with an acknowledgement link
        // issued then and "how late" as of then (the link is a credential: never stored).
        var notice = new EscalationNotice(level, reference, obligation.Id, obligation.RuleId, stored.MustDo, obligation.Due, owner, recipient);
        return QueuedEmail.ForEscalation(id, recipient.OrgCode, new MailParty(recipient.Email, recipient.OrgName), notice);
    }

    /// <summary>When level <paramref name="level"/> was recorded, if it was.</summary>
    private static Instant? RecordedAt(StoredObligation stored, int level) =>
        stored.Escalations.Where(e => e.Level == level).Select(e => (Instant?)e.SentAt).Min();

    /// <summary>
    /// The level's <c>EscalationUndelivered</c> notice, the one the outbox raises for a refused escalation email (one id,
    /// one path), raised at the level's record instant so that re-runs on later days raise nothing new.
    /// </summary>
    private async Task NoRecipientNoticeAsync(StoredObligation stored, int level, Instant recordedAt, CancellationToken cancellationToken)
    {
        var reference = await references.GetAsync(stored.Id, cancellationToken).ConfigureAwait(false);
        await outbox.RaiseEscalationUndeliveredAsync(
            EmailIdOf(stored.Id, level), reference, stored.Obligation.OwnerOrganisationId, "",
            $"level {level} of obligation {stored.Id} ({stored.Obligation.RuleId}) is recorded, but no directory entry names its owner or the regional team, so no email was queued",
            recordedAt, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Takes back a level's email for a closed obligation; one a sender already has goes out, and is logged.</summary>
    private async Task WithdrawForClosedAsync(string obligationId, int level, string emailId, CancellationToken cancellationToken)
    {
        if (!await outbox.WithdrawAsync(emailId, cancellationToken).ConfigureAwait(false)
            && await outbox.GetAsync(emailId, cancellationToken).ConfigureAwait(false) is { } row)
        {
            LogSentForClosed(obligationId, level, row.Status);
        }
    }

    [LoggerMessage(EventId = 6203, Level = LogLevel.Warning, Message = "Obligation {ObligationId} closed before escalation level {Level} was recorded, but a sender already had its email ({Status}): it goes out; its link answers that the obligation is closed")]
    private partial void LogSentForClosed(string obligationId, int level, AlertStatus status);

    // The exception's type only: a storage message may quote the row, and logs carry no personal data.
    [LoggerMessage(EventId = 6202, Level = LogLevel.Warning, Message = "Obligation {ObligationId} escalation level {Level}: sending at once failed ({ExceptionType}); the email stays queued for the outbox sweep")]
    private partial void LogSendAtOnceFailed(string obligationId, int level, string exceptionType);

    [LoggerMessage(EventId = 6201, Level = LogLevel.Information, Message = "Obligation {ObligationId} escalation level {Level}: email {Outcome}")]
    private partial void LogEscalation(string obligationId, int level, DispatchResult outcome);
}
