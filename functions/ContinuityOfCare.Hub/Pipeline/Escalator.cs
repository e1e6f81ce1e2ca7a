using ContinuityOfCare.Core.Acknowledgements;
using ContinuityOfCare.Core.Alerts;
using ContinuityOfCare.Core.Directory;
using ContinuityOfCare.Core.Obligations;
using ContinuityOfCare.Core.Planning;
using ContinuityOfCare.Core.Time;
using ContinuityOfCare.Hub.Directory;
using ContinuityOfCare.Hub.State;
using Azure;
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
/// <para>Exactly once per level, even when the engine runs the activity again: the level is recorded first (the store's
/// guard row, inserted with the state move in one transaction: only one caller wins) and only the winner sends, with
/// a message id derived from the obligation and level. Like an Alert Form in the outbox (docs/email.md), an email the
/// relay cannot take yet (circuit open, no connection, a 4xx: nothing handed over) waits, <see cref="EscalationDelivery.Waiting"/>,
/// and is tried again when its orchestration asks again (every 30 s) or the outbox sweep runs; only a permanent refusal
/// (or no recipient) leaves the level recorded as undelivered with a notice to follow it up by hand.</para>
/// </summary>
public sealed partial class Escalator(
    HubState state,
    DirectoryStore directories,
    CalendarProvider calendars,
    ObligationReferences references,
    PlanOptions planOptions,
    AcknowledgementTokens acknowledgements,
    EscalationRenderer renderer,
    IMailSender sender,
    IOptions<SmtpOptions> smtp,
    IOptions<PipelineOptions> options,
    IOptions<OutboxOptions> outbox,
    IClock clock,
    ILogger<Escalator> logger)
{
    /// <summary>Sends level <paramref name="level"/> of <paramref name="obligationId"/>'s ladder unless it was sent already or the obligation closed.</summary>
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

        if (stored.Escalations.Any(e => e.Level >= level))
        {
            return await ResumeAsync(stored, level, cancellationToken).ConfigureAwait(false);
        }

        var now = clock.GetCurrentInstant();
        var recorded = await state.Obligations.RecordEscalationAsync(stored.Id, level, now, cancellationToken).ConfigureAwait(false);
        if (recorded.Outcome != ChangeOutcome.Applied)
        {
            // Another run owns this level (AlreadyApplied), or it closed meanwhile (Refused): send nothing.
            return recorded.Outcome == ChangeOutcome.AlreadyApplied ? EscalationOutcome.AlreadyEscalated : EscalationOutcome.Closed;
        }

        var delivery = await SendAsync(stored, level, now, cancellationToken).ConfigureAwait(false);
        return await SettleAsync(stored.Id, level, delivery, now, 1, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Every recorded level whose email is still unconfirmed (<see cref="EscalationDelivery.Sending"/>) or waiting for the
    /// relay (<see cref="EscalationDelivery.Waiting"/>) is resumed (<see cref="ResumeAsync"/>). Returns how many were sent.
    /// </summary>
    public async Task<int> ResumeUnconfirmedAsync(CancellationToken cancellationToken)
    {
        var sent = 0;
        await foreach (var (obligationId, level) in state.Obligations.UnconfirmedEscalationsAsync(cancellationToken).ConfigureAwait(false))
        {
            if (await state.Obligations.GetAsync(obligationId, cancellationToken).ConfigureAwait(false) is { Obligation.IsClosed: false } stored
                && await ResumeAsync(stored, level, cancellationToken).ConfigureAwait(false) == EscalationOutcome.Escalated)
            {
                sent++;
            }
        }

        return sent;
    }

    /// <summary>
    /// A level already recorded: nothing to do once its email is confirmed (or refused, with its notice). One
    /// <see cref="EscalationDelivery.Waiting"/> for the relay is tried again now (nothing was handed over, so it is no
    /// repeat). One still marked Sending was cut off — the process died between recording the level and writing the
    /// relay's answer, or the relay never answered the transaction — once the attempt is older than any live one can be
    /// (<c>Mail:Outbox:InFlightTimeout</c>, the outbox's own bound). As with the outbox's residual window (docs/email.md),
    /// a lost escalation is worse than a repeat: it is sent again with the same Message-ID and the operator is told it
    /// may repeat. Younger: asked again later. Either way the retry first claims the level (an ETag-guarded move to
    /// Sending), so two callers never send it at once.
    /// </summary>
    private async Task<EscalationOutcome> ResumeAsync(StoredObligation stored, int level, CancellationToken cancellationToken)
    {
        var delivery = await state.Obligations.GetEscalationDeliveryAsync(stored.Id, level, cancellationToken).ConfigureAwait(false);
        if (delivery is not { State: EscalationDelivery.Sending or EscalationDelivery.Waiting })
        {
            return EscalationOutcome.AlreadyEscalated;
        }

        var now = clock.GetCurrentInstant();
        var attempts = delivery.Attempts + 1;
        var repeat = delivery.State == EscalationDelivery.Sending;
        if ((repeat && now - delivery.AttemptAt < Duration.FromTimeSpan(outbox.Value.InFlightTimeout))
            || !await state.Obligations.SetEscalationDeliveryAsync(stored.Id, level, EscalationDelivery.Sending, now, attempts, delivery.ETag, cancellationToken).ConfigureAwait(false))
        {
            return EscalationOutcome.DeliveryUnconfirmed;
        }

        if (!repeat)
        {
            var retried = await SendAsync(stored, level, now, cancellationToken).ConfigureAwait(false);
            return await SettleAsync(stored.Id, level, retried, now, attempts, cancellationToken).ConfigureAwait(false);
        }

        await state.Notices.TryRaiseAsync(
            new HubNotice($"escalation-repeated-{stored.Id}-l{level}", LondonTime.ToLocal(now).Date, "EscalationRepeated",
                $"Escalation level {level} of obligation {stored.Id} ({stored.Obligation.RuleId}, owner {stored.Obligation.OwnerOrganisationId}) was recorded at {delivery.AttemptAt} but the hub stopped before the relay's answer was written: it is sent again with the same Message-ID, so the recipient may see it twice.",
                now),
            cancellationToken).ConfigureAwait(false);
        var repeated = await SendAsync(stored, level, now, cancellationToken).ConfigureAwait(false);
        return await SettleAsync(stored.Id, level, repeated, now, attempts, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Writes what the relay said about the attempt started at <paramref name="attemptAt"/>. No reply to a started
    /// transaction leaves the level Sending: repeated, labelled, once older than the in-flight timeout.
    /// </summary>
    private async Task<EscalationOutcome> SettleAsync(string obligationId, int level, string delivery, Instant attemptAt, int attempts, CancellationToken cancellationToken)
    {
        if (delivery == EscalationDelivery.Sending)
        {
            return EscalationOutcome.DeliveryUnconfirmed;
        }

        await state.Obligations.SetEscalationDeliveryAsync(obligationId, level, delivery, attemptAt, attempts, ETag.All, cancellationToken).ConfigureAwait(false);
        return delivery switch
        {
            EscalationDelivery.Sent => EscalationOutcome.Escalated,
            EscalationDelivery.Waiting => EscalationOutcome.DeliveryUnconfirmed,
            _ => EscalationOutcome.EscalatedDeliveryFailed,
        };
    }

    /// <summary>
    /// How long from now until level <paramref name="sentLevel"/>'s grace has passed (the core's
    /// <see cref="EscalationLadder.GraceEnds"/>, counted from when that level was recorded as sent, on the hub's clock);
    /// zero when it already has; null when the obligation is gone or closed.
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
        var sentAt = stored.Escalations.Where(e => e.Level == sentLevel).Select(e => (Instant?)e.SentAt).Min() ?? now;
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

    /// <summary>
    /// One attempt; returns the delivery state it leaves: Sent; Waiting (the relay could not take it; nothing handed
    /// over); Sending (the transaction started and no reply came); Undelivered (refused for good, or no recipient, with
    /// the operator notice).
    /// </summary>
    private async Task<string> SendAsync(StoredObligation stored, int level, Instant now, CancellationToken cancellationToken)
    {
        var obligation = stored.Obligation;
        var directory = (await directories.LoadLiveAsync(cancellationToken).ConfigureAwait(false)).Live;
        var regional = directory?.Entries.FirstOrDefault(e => e.OrgType == OrgType.RegionalTeam);
        var ownerEntry = directory?.Find(obligation.OwnerOrganisationId) ?? regional;
        if (ownerEntry is null)
        {
            await NoticeAsync(stored, level, now, "no directory entry for the owner or the regional team", cancellationToken).ConfigureAwait(false);
            return EscalationDelivery.Undelivered;
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
        var notice = new EscalationNotice(
            $"{obligation.Id}-l{level}", level, reference, obligation.Id, obligation.RuleId, stored.MustDo, obligation.Due, owner, recipient, link);
        var rendered = renderer.Render(notice, now);
        var settings = smtp.Value;
        var email = new OutgoingEmail(
            MessageIds.For("escalation-" + notice.Id, settings.MessageIdDomain),
            new MailParty(settings.SenderAddress, settings.SenderDisplayName),
            new MailParty(recipient.Email, recipient.OrgName),
            null,
            rendered.Subject,
            rendered.Text,
            rendered.Html,
            rendered.TemplateVersion);
        var outcome = await sender.SendAsync(email, cancellationToken).ConfigureAwait(false);
        LogEscalation(obligation.Id, level, outcome.Kind);
        switch (outcome)
        {
            case { Kind: DeliveryOutcomeKind.Sent }:
                return EscalationDelivery.Sent;
            case { ReplyUnknown: true }:
                return EscalationDelivery.Sending;
            case { Kind: DeliveryOutcomeKind.TransientFailure or DeliveryOutcomeKind.CircuitOpen }:
                return EscalationDelivery.Waiting;
            default:
                await NoticeAsync(stored, level, now, $"the escalation email could not be delivered ({outcome.Kind}, code {outcome.SmtpCode})", cancellationToken).ConfigureAwait(false);
                return EscalationDelivery.Undelivered;
        }
    }

    private async Task NoticeAsync(StoredObligation stored, int level, Instant now, string problem, CancellationToken cancellationToken)
    {
        var key = $"escalation-undelivered-{stored.Id}-l{level}";
        await state.Notices.TryRaiseAsync(
            new HubNotice(key, LondonTime.ToLocal(now).Date, "EscalationUndelivered",
                $"Escalation level {level} of obligation {stored.Id} ({stored.Obligation.RuleId}, owner {stored.Obligation.OwnerOrganisationId}) is recorded as sent but {problem}: contact the recipient by hand.",
                now),
            cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(EventId = 6201, Level = LogLevel.Information, Message = "Obligation {ObligationId} escalation level {Level}: {Outcome}")]
    private partial void LogEscalation(string obligationId, int level, DeliveryOutcomeKind outcome);
}
