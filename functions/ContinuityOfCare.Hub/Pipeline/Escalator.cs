using ContinuityOfCare.Core.Acknowledgements;
using ContinuityOfCare.Core.Alerts;
using ContinuityOfCare.Core.Directory;
using ContinuityOfCare.Core.Obligations;
using ContinuityOfCare.Core.Planning;
using ContinuityOfCare.Core.Time;
using ContinuityOfCare.Hub.Directory;
using ContinuityOfCare.Hub.State;
using ContinuityOfCare.Mail.Rendering;
using ContinuityOfCare.Mail.Transport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace ContinuityOfCare.Hub.Pipeline;

/// <summary>
/// Escalates one overdue obligation per the core's <see cref="EscalationLadder"/> (docs/domain.md "Escalation"): level 1 the
/// owner's SPOC, level 2 the owner's escalation contact after the grace, level 3 the regional team; each level once,
/// ever; fulfilment stops the ladder. Used by the deadline-check queue function and the escalation sweep alike.
/// <para>Exactly once: the level is recorded first (the store's guard row, inserted with the state move in one
/// transaction: only one caller wins), and only the winner sends. Like the outbox's residual window (docs/email.md),
/// this resolves toward not sending twice: if the email then cannot be delivered, the level stays recorded and the
/// operator gets a notice to follow it up by hand.</para>
/// </summary>
public sealed partial class Escalator(
    HubState state,
    DirectoryStore directories,
    CalendarProvider calendars,
    ObligationReferences references,
    DeadlineScheduler deadlines,
    PlanOptions planOptions,
    AcknowledgementTokens acknowledgements,
    EscalationRenderer renderer,
    IMailSender sender,
    IOptions<SmtpOptions> smtp,
    IOptions<PipelineOptions> options,
    IClock clock,
    ILogger<Escalator> logger)
{
    /// <summary>Checks <paramref name="obligationId"/> now: escalates if a level is due, else schedules the next check.</summary>
    public async Task<EscalationOutcome> CheckAsync(string obligationId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(obligationId);
        var stored = await state.Obligations.GetAsync(obligationId, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return EscalationOutcome.NotFound;
        }

        return await CheckAsync(stored, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Checks an obligation already read (the sweep reads them in bulk).</summary>
    public async Task<EscalationOutcome> CheckAsync(StoredObligation stored, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stored);
        if (stored.Obligation.IsClosed)
        {
            return EscalationOutcome.Closed;
        }

        var now = clock.GetCurrentInstant();
        var calendar = await calendars.GetAsync(cancellationToken).ConfigureAwait(false);
        var policy = planOptions.Catalogue.Escalation;
        var decision = EscalationLadder.Decide(stored.Obligation, stored.Escalations, now, calendar, policy);
        if (decision.Level is not { } level)
        {
            if (NextCheckAt(stored.Obligation, stored.Escalations, calendar, policy) is not { } next)
            {
                return EscalationOutcome.LadderFinished;
            }

            await deadlines.ScheduleAsync(stored.Id, next, now, cancellationToken).ConfigureAwait(false);
            return EscalationOutcome.NotYet;
        }

        var recorded = await state.Obligations.RecordEscalationAsync(stored.Id, level, now, cancellationToken).ConfigureAwait(false);
        if (recorded.Outcome != ChangeOutcome.Applied)
        {
            // Another check owns this level (AlreadyApplied), or it closed meanwhile (Refused): send nothing.
            return recorded.Outcome == ChangeOutcome.AlreadyApplied ? EscalationOutcome.AlreadyEscalated : EscalationOutcome.Closed;
        }

        var delivered = await SendAsync(stored, level, now, cancellationToken).ConfigureAwait(false);
        var after = recorded.Obligation ?? stored;
        if (level < 3 && NextCheckAt(after.Obligation, after.Escalations, calendar, policy) is { } nextLevelAt)
        {
            await deadlines.ScheduleAsync(stored.Id, nextLevelAt, now, cancellationToken).ConfigureAwait(false);
        }

        return delivered ? EscalationOutcome.Escalated : EscalationOutcome.EscalatedDeliveryFailed;
    }

    /// <summary>
    /// When the next level can become due: the due instant before level 1; after level k, the end of the grace's last
    /// working day after level k was sent (as <see cref="EscalationLadder"/> decides); null once level 3 is sent.
    /// </summary>
    public static Instant? NextCheckAt(Obligation obligation, IReadOnlyCollection<EscalationRecord> history, WorkingCalendar calendar, EscalationPolicy policy) =>
        EscalationLadder.NextDecisionAt(obligation, history, calendar, policy);

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

    private async Task<bool> SendAsync(StoredObligation stored, int level, Instant now, CancellationToken cancellationToken)
    {
        var obligation = stored.Obligation;
        var directory = (await directories.LoadLiveAsync(cancellationToken).ConfigureAwait(false)).Live;
        var regional = directory?.Entries.FirstOrDefault(e => e.OrgType == OrgType.RegionalTeam);
        var ownerEntry = directory?.Find(obligation.OwnerOrganisationId) ?? regional;
        if (ownerEntry is null)
        {
            await NoticeAsync(stored, level, now, "no directory entry for the owner or the regional team", cancellationToken).ConfigureAwait(false);
            return false;
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
        if (outcome.Kind == DeliveryOutcomeKind.Sent)
        {
            return true;
        }

        await NoticeAsync(stored, level, now, $"the escalation email could not be delivered ({outcome.Kind}, code {outcome.SmtpCode})", cancellationToken).ConfigureAwait(false);
        return false;
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
