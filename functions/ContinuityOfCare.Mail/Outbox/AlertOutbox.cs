using Azure;
using ContinuityOfCare.Core.Alerts;
using ContinuityOfCare.Core.Routing;
using ContinuityOfCare.Core.Time;
using ContinuityOfCare.Mail.Rendering;
using ContinuityOfCare.Mail.Transport;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using NodaTime;
using NodaTime.Extensions;

namespace ContinuityOfCare.Mail.Outbox;

/// <summary>
/// The exactly-once outbox for Alert Forms (architecture.md "Reliability rules"; docs/email.md "Outbox"): stored Pending
/// before any attempt; a send first claims the row (an ETag-guarded write of a claim id, still Pending), then — per SMTP
/// attempt, on a ready connection, immediately before <c>MAIL FROM</c> — marks it Sending with the attempt id and start
/// instant; the server's reply moves it to Sent / Failed / back to Pending. A request for an alert that is not Pending (or
/// is claimed by a live sender) sends nothing. An attempt left without a reply (the connection broke, the process died)
/// is re-sent automatically with the same Message-ID and a visible "this may repeat" line, and counted; after
/// <see cref="OutboxOptions.MaxAutomaticRepeats"/> such repeats it waits, Unconfirmed, for an operator (docs/email.md
/// "The residual window": for this service a lost Alert Form is worse than a labelled repeat).
/// <para>The same rows and the same machinery carry already rendered emails (<see cref="QueuedEmail"/>): operator
/// notices and each obligation escalation level's email, so every email the hub sends has one delivery path.</para>
/// </summary>
public sealed partial class AlertOutbox
{
    private const string RowKey = OutboxKeys.RowKey;
    private readonly TableClient _alerts;
    private readonly AlertEmailFactory _emails;
    private readonly IMailSender _sender;
    private readonly SecureMailPolicy _secureMail;
    private readonly OperatorNoticeBoard _notices;
    private readonly DirectoryEntryFlags _flags;
    private readonly SentAlertIndex _sent;
    private readonly OutboxOptions _options;
    private readonly MailParty _hub;
    private readonly string _messageIdDomain;
    private readonly IClock _clock;
    private readonly ILogger<AlertOutbox> _logger;

    /// <summary>Creates the outbox over existing tables.</summary>
    /// <exception cref="ArgumentException">The in-flight timeout is not longer than the longest a send can take.</exception>
    public AlertOutbox(
        TableClient alerts,
        AlertEmailFactory emails,
        IMailSender sender,
        SecureMailPolicy secureMail,
        OperatorNoticeBoard notices,
        DirectoryEntryFlags flags,
        SentAlertIndex sent,
        OutboxOptions options,
        SmtpOptions smtp,
        MailResilienceOptions resilience,
        IClock clock,
        ILogger<AlertOutbox> logger)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        ArgumentNullException.ThrowIfNull(emails);
        ArgumentNullException.ThrowIfNull(sender);
        ArgumentNullException.ThrowIfNull(secureMail);
        ArgumentNullException.ThrowIfNull(notices);
        ArgumentNullException.ThrowIfNull(flags);
        ArgumentNullException.ThrowIfNull(sent);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(smtp);
        ArgumentNullException.ThrowIfNull(resilience);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(logger);
        var longestSend = LongestSend(smtp, resilience);
        if (options.InFlightTimeout <= longestSend)
        {
            // Reconciling an attempt that may still be running would hand the operator a false "unconfirmed".
            throw new ArgumentException(
                $"Mail:Outbox:InFlightTimeout ({options.InFlightTimeout}) must exceed the longest send ({longestSend}: timeout × attempts + back-off).",
                nameof(options));
        }

        _alerts = alerts;
        _emails = emails;
        _sender = sender;
        _secureMail = secureMail;
        _notices = notices;
        _flags = flags;
        _sent = sent;
        _options = options;
        _hub = new MailParty(smtp.SenderAddress, smtp.SenderDisplayName);
        _messageIdDomain = smtp.MessageIdDomain;
        _clock = clock;
        _logger = logger;
    }

    /// <summary>The longest one send can take: every attempt timing out, plus each exponential back-off counted twice (a generous bound on the jitter).</summary>
    public static TimeSpan LongestSend(SmtpOptions smtp, MailResilienceOptions resilience)
    {
        ArgumentNullException.ThrowIfNull(smtp);
        ArgumentNullException.ThrowIfNull(resilience);
        var attempts = resilience.MaxRetryAttempts + 1;
        var backOff = TimeSpan.Zero;
        for (var retry = 0; retry < resilience.MaxRetryAttempts; retry++)
        {
            backOff += resilience.RetryBaseDelay * Math.Pow(2, retry) * 2;
        }

        return (smtp.Timeout * attempts) + backOff;
    }

    /// <summary>Stores <paramref name="form"/> as Pending unless an alert with its id is already stored.</summary>
    public async Task<EnqueueResult> EnqueueAsync(AlertForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var entity = new TableEntity(OutboxKeys.Key(form.Id), RowKey)
        {
            ["AlertId"] = form.Id,
            ["Status"] = nameof(AlertStatus.Pending),
            ["Reference"] = form.Reference,
            ["RecipientOrgCode"] = form.To.OrgCode,
            ["RecipientEmail"] = form.To.Email,
            ["Form"] = OutboxFormJson.Serialize(form),
            ["EnqueuedAt"] = _clock.GetCurrentInstant().ToDateTimeOffset(),
            ["AttemptCount"] = 0,
        };
        try
        {
            await _alerts.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
            return EnqueueResult.Queued;
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            return EnqueueResult.AlreadyQueued;
        }
    }

    /// <summary>
    /// Stores an already rendered email (an escalation level's) as Pending unless a row with its id is already stored:
    /// from here on it is delivered exactly like an Alert Form.
    /// </summary>
    public async Task<EnqueueResult> EnqueueEmailAsync(QueuedEmail email, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(email);
        return await email.TryQueueAsync(_alerts, _clock.GetCurrentInstant(), cancellationToken).ConfigureAwait(false)
            ? EnqueueResult.Queued
            : EnqueueResult.AlreadyQueued;
    }

    /// <summary>
    /// Takes back a queued email that no sender has touched (Pending, never claimed or attempted): an ETag-guarded
    /// delete. False when it is gone already or a sender has it (then it goes out as queued).
    /// </summary>
    public async Task<bool> WithdrawAsync(string alertId, CancellationToken cancellationToken)
    {
        var row = await ReadAsync(alertId, cancellationToken).ConfigureAwait(false);
        if (row is null || StatusOf(row) != AlertStatus.Pending || (row.GetInt32("AttemptCount") ?? 0) > 0 || !string.IsNullOrEmpty(row.GetString("ClaimId")))
        {
            return false;
        }

        try
        {
            await _alerts.DeleteEntityAsync(row.PartitionKey, row.RowKey, row.ETag, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException exception) when (exception.Status is 412 or 404)
        {
            return false;
        }
    }

    /// <summary>The row for <paramref name="alertId"/>, or null.</summary>
    public async Task<OutboxEntry?> GetAsync(string alertId, CancellationToken cancellationToken)
    {
        var row = await ReadAsync(alertId, cancellationToken).ConfigureAwait(false);
        return row is null ? null : ToEntry(row);
    }

    /// <summary>Ids of every alert waiting to be sent (Pending).</summary>
    public async Task<IReadOnlyList<string>> PendingAsync(CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        var filter = TableClient.CreateQueryFilter($"Status eq {nameof(AlertStatus.Pending)}");
        await foreach (var row in _alerts.QueryAsync<TableEntity>(filter, select: ["AlertId"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            ids.Add(row.GetString("AlertId") ?? "");
        }

        return ids;
    }

    /// <summary>
    /// Sends one alert if, and only if, it is Pending and this call wins the claim. Safe to call any number of times
    /// for the same alert (a redelivered queue message, a duplicate request).
    /// </summary>
    public async Task<DispatchResult> SendAsync(string alertId, CancellationToken cancellationToken)
    {
        var row = await ReadAsync(alertId, cancellationToken).ConfigureAwait(false);
        if (row is null)
        {
            return DispatchResult.NotFound;
        }

        var now = _clock.GetCurrentInstant();
        switch (StatusOf(row))
        {
            case AlertStatus.Sent:
                return DispatchResult.AlreadySent;
            case AlertStatus.Failed or AlertStatus.Held:
                return DispatchResult.AlreadyFinal;
            case AlertStatus.Unconfirmed:
                return DispatchResult.AwaitingOperator;
            case AlertStatus.Sending:
                if (!await ReconcileIfStuckAsync(row, now, cancellationToken).ConfigureAwait(false))
                {
                    return DispatchResult.InFlightElsewhere;
                }

                // Left without a reply: now Pending again for a labelled repeat (or Unconfirmed once repeats are spent).
                return await SendAsync(alertId, cancellationToken).ConfigureAwait(false);
        }

        if (ClaimedByLiveSender(row, now))
        {
            return DispatchResult.InFlightElsewhere;
        }

        // A queued operator notice email carries its rendered text instead of a form and goes to the operator mailbox;
        // an escalation's carries its notice and recipient.
        var kind = row.GetString("Kind");
        AlertForm? form = null;
        if (kind is not (OutboxKeys.NoticeKind or OutboxKeys.EscalationKind))
        {
            form = OutboxFormJson.Deserialize(row.GetString("Form") ?? throw new InvalidOperationException($"Alert {alertId} has no stored form."));
            if (!_secureMail.Allows(form.To.Email))
            {
                return await HoldAsync(row, form, now, cancellationToken).ConfigureAwait(false);
            }
        }

        // An escalation row holds its notice (read before the claim, as a form is: an unreadable row is named, not claimed);
        // null for a row queued rendered by an earlier version.
        var escalation = kind == OutboxKeys.EscalationKind ? EscalationColumns.Read(row) : null;
        if (kind == OutboxKeys.NoticeKind && _notices.EmailFrom(row) is null)
        {
            // The operator mailbox was removed from configuration since the notice was queued: the stored notice remains.
            return DispatchResult.AlreadyFinal;
        }

        // The claim: still Pending, but owned by this call. Waiting for a rate-limit permit or a back-off happens under
        // the claim, not under Sending: nothing has left the building, so a sender that dies here is simply replaced
        // once the claim is older than the in-flight timeout.
        var claimId = Guid.NewGuid().ToString("N");
        row["ClaimId"] = claimId;
        row["ClaimedAt"] = now.ToDateTimeOffset();
        if (await TryUpdateAsync(row, cancellationToken).ConfigureAwait(false) is null)
        {
            return DispatchResult.InFlightElsewhere;
        }

        var repeatOf = row.GetDateTimeOffset("RepeatOfAttemptAt")?.ToInstant();
        var email = kind switch
        {
            OutboxKeys.NoticeKind => _notices.EmailFrom(row)!,
            // Rendered now, with an acknowledgement link issued for this send; a row queued rendered (by an earlier
            // version) goes as stored.
            OutboxKeys.EscalationKind => escalation is not null
                ? _emails.CreateEscalation(alertId, escalation, QueuedEmail.RecipientOf(row), now, repeatOf)
                : QueuedEmail.EmailFrom(row, _hub, _messageIdDomain, null, repeatOf),
            _ => _emails.Create(form!, now, repeatOf),
        };
        string? attemptId = null;
        SmtpDeliveryOutcome outcome;
        try
        {
            outcome = await _sender.SendAsync(email, MarkSendingAsync, cancellationToken).ConfigureAwait(false);
        }
        catch (OutboxClaimLostException)
        {
            return DispatchResult.InFlightElsewhere;
        }

        LogOutcome(_logger, alertId, outcome.Kind, outcome.SmtpCode);
        return await RecordOutcomeAsync(row, alertId, form, email, outcome, attemptId, cancellationToken).ConfigureAwait(false);

        // Per attempt, on a ready connection, just before MAIL FROM: from here until the reply is the lost-alert window.
        // A refusal (or a failure before any recipient was accepted) delivered nothing, so the mark is taken back at
        // once: a sender that dies during the back-off leaves a claimed Pending row, not a false "unanswered" one.
        async Task MarkSendingAsync(SmtpAttemptPhase phase, CancellationToken token)
        {
            if (phase == SmtpAttemptPhase.Refused)
            {
                row["Status"] = nameof(AlertStatus.Pending);
                _ = await TryUpdateAsync(row, token).ConfigureAwait(false);
                return;
            }

            attemptId = Guid.NewGuid().ToString("N");
            row["Status"] = nameof(AlertStatus.Sending);
            row["AttemptId"] = attemptId;
            row["AttemptStartedAt"] = _clock.GetCurrentInstant().ToDateTimeOffset();
            row["AttemptCount"] = (row.GetInt32("AttemptCount") ?? 0) + 1;
            row["MessageId"] = email.MessageId;
            if (await TryUpdateAsync(row, token).ConfigureAwait(false) is null)
            {
                // Another sender took over a claim it judged dead: this one must not hand anything over.
                throw new OutboxClaimLostException();
            }
        }
    }

    /// <summary>
    /// Every alert left in Sending past the in-flight timeout (no reply recorded: the sender died mid-transaction) goes
    /// back to Pending for a labelled automatic repeat, or to Unconfirmed once its repeats are spent. Run by the timer
    /// sweep, which then re-queues every Pending alert. Returns how many were reconciled.
    /// </summary>
    public async Task<int> ReconcileAsync(CancellationToken cancellationToken)
    {
        var now = _clock.GetCurrentInstant();
        var stuck = new List<TableEntity>();
        var filter = TableClient.CreateQueryFilter($"Status eq {nameof(AlertStatus.Sending)}");
        await foreach (var row in _alerts.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            stuck.Add(row);
        }

        var reconciled = 0;
        foreach (var row in stuck)
        {
            if (await ReconcileIfStuckAsync(row, now, cancellationToken).ConfigureAwait(false))
            {
                reconciled++;
            }
        }

        return reconciled;
    }

    /// <summary>
    /// The operator's decision (<c>coc alert release</c>): an Unconfirmed or Held alert goes back to Pending, to be sent
    /// (again) with the same Message-ID; an Unconfirmed one carries the "may repeat" line. Returns false if the alert is
    /// not in one of those states.
    /// </summary>
    public Task<bool> ReleaseAsync(string alertId, CancellationToken cancellationToken) =>
        new OutboxOperations(_alerts).ReleaseAsync(alertId, cancellationToken);

    /// <summary>
    /// The alert a delivery status notification is about: its ENVID when that names a stored alert (the hub sends the
    /// alert id as ENVID), else the alert whose recorded Message-ID equals <paramref name="messageId"/>. Null when none.
    /// </summary>
    public async Task<string?> FindAlertIdAsync(string? envelopeId, string? messageId, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(envelopeId) && await ReadAsync(envelopeId, cancellationToken).ConfigureAwait(false) is { } byEnvelope)
        {
            return byEnvelope.GetString("AlertId") ?? byEnvelope.PartitionKey;
        }

        if (string.IsNullOrWhiteSpace(messageId))
        {
            return null;
        }

        var filter = TableClient.CreateQueryFilter($"MessageId eq {"<" + messageId.Trim('<', '>') + ">"}");
        await foreach (var row in _alerts.QueryAsync<TableEntity>(filter, select: ["AlertId"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            return row.GetString("AlertId") ?? row.PartitionKey;
        }

        return null;
    }

    /// <summary>
    /// Records what a delivery status notification reported for a sent alert: Bounced (permanent; the directory entry is
    /// flagged) or Delayed (never overriding Bounced). The operator is told once per alert and kind. True when the
    /// alert's delivery state changed.
    /// </summary>
    public async Task<bool> RecordDeliveryReportAsync(string alertId, DeliveryState state, string detail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(detail);
        var row = await ReadAsync(alertId, cancellationToken).ConfigureAwait(false);
        if (row is null || state == DeliveryState.Unknown)
        {
            return false;
        }

        var current = Enum.TryParse<DeliveryState>(row.GetString("Delivery"), out var parsed) ? parsed : DeliveryState.Unknown;
        if (current == state || current == DeliveryState.Bounced)
        {
            return false;
        }

        var now = _clock.GetCurrentInstant();
        row["Delivery"] = state.ToString();
        row["DeliveryDetail"] = detail.Length <= 500 ? detail : detail[..500];
        row["DeliveryReportedAt"] = now.ToDateTimeOffset();
        await _alerts.UpdateEntityAsync(row, ETag.All, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);

        var orgCode = row.GetString("RecipientOrgCode") ?? "";
        var email = row.GetString("RecipientEmail") ?? "";
        if (state == DeliveryState.Bounced)
        {
            await _flags.FlagAsync(orgCode, alertId, email, null, detail, now, cancellationToken).ConfigureAwait(false);
        }

        await RaiseAsync(
            new OperatorNotice(NoticeKindFor(row, state == DeliveryState.Bounced ? OperatorNoticeKind.Bounced : OperatorNoticeKind.Delayed),
                alertId, row.GetString("Reference") ?? "", orgCode, email, detail, now),
            sendNow: true, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>One notice per day about the bounce mailbox itself (messages it could not read), with the count.</summary>
    public Task RaiseMailboxNoticeAsync(Instant now, string detail, CancellationToken cancellationToken) =>
        RaiseAsync(
            new OperatorNotice(OperatorNoticeKind.UnreadableBounces, $"bounce-mailbox-{LondonTime.ToLocal(now).Date:yyyyMMdd}", "", "", "", detail, now),
            sendNow: true, cancellationToken);

    /// <summary>
    /// One notice per circuit-breaker transition (relay down / back). Its email is only queued: the relay is down, or
    /// this runs inside the breaker's own callback; the timer sweep sends it with the other waiting mail.
    /// </summary>
    public Task RaiseRelayNoticeAsync(bool down, string detail, CancellationToken cancellationToken)
    {
        var now = _clock.GetCurrentInstant();
        return RaiseAsync(
            new OperatorNotice(down ? OperatorNoticeKind.RelayDown : OperatorNoticeKind.RelayBack, $"relay-{now.ToUnixTimeTicks()}", "", "", "", detail, now),
            sendNow: false, cancellationToken);
    }

    /// <summary>
    /// Emails a notice about the hub itself (recorded by the hub's notice store, <paramref name="key"/> unique per day)
    /// to the operator through this outbox, sending it at once; a relay failure leaves it queued for the sweep.
    /// </summary>
    public async Task EmailHubNoticeAsync(string key, string kind, string message, Instant raisedAt, CancellationToken cancellationToken)
    {
        var notice = new OperatorNotice(OperatorNoticeKind.Hub, key, "", "", "", $"{kind}: {message}", raisedAt);
        if (await _notices.QueueEmailAsync(notice, cancellationToken).ConfigureAwait(false) is { } emailId)
        {
            _ = await SendAsync(emailId, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The one <see cref="OperatorNoticeKind.EscalationUndelivered"/> notice of an escalation level's email
    /// <paramref name="emailId"/> (queued or not): the relay refused it for good, or the level has no recipient.
    /// Its id is <c>{emailId}-EscalationUndelivered</c>, stored under the London day of <paramref name="raisedAt"/>, so a
    /// caller passing a fixed instant for the level (when it was recorded) raises it once for that level, ever.
    /// </summary>
    public Task RaiseEscalationUndeliveredAsync(
        string emailId, string reference, string orgCode, string recipientEmail, string detail, Instant raisedAt, CancellationToken cancellationToken) =>
        RaiseAsync(new OperatorNotice(OperatorNoticeKind.EscalationUndelivered, emailId, reference, orgCode, recipientEmail, detail, raisedAt),
            sendNow: true, cancellationToken);

    /// <summary>Raises the notice; when it is new and an operator mailbox is set, sends its email now or leaves it queued.</summary>
    private async Task RaiseAsync(OperatorNotice notice, bool sendNow, CancellationToken cancellationToken)
    {
        var emailId = await _notices.RaiseAsync(notice, cancellationToken).ConfigureAwait(false);
        if (emailId is not null && sendNow)
        {
            _ = await SendAsync(emailId, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<DispatchResult> RecordOutcomeAsync(
        TableEntity row, string alertId, AlertForm? form, OutgoingEmail email, SmtpDeliveryOutcome outcome, string? attemptId, CancellationToken cancellationToken)
    {
        var now = _clock.GetCurrentInstant();
        DispatchResult result;
        row["ClaimId"] = "";
        if (outcome.ReplyUnknown)
        {
            // The transaction started and no reply came: the relay may have the message. Repeat it, labelled.
            return await RepeatOrHoldForOperatorAsync(row, now, outcome.Detail, cancellationToken).ConfigureAwait(false)
                ? DispatchResult.LeftPending
                : DispatchResult.AwaitingOperator;
        }

        switch (outcome.Kind)
        {
            case DeliveryOutcomeKind.Sent:
                row["Status"] = nameof(AlertStatus.Sent);
                row["SentAt"] = now.ToDateTimeOffset();
                row["TemplateVersion"] = email.TemplateVersion;
                result = DispatchResult.Sent;
                break;
            case DeliveryOutcomeKind.PermanentFailure:
                row["Status"] = nameof(AlertStatus.Failed);
                result = DispatchResult.Failed;
                break;
            case DeliveryOutcomeKind.CircuitOpen:
                row["Status"] = nameof(AlertStatus.Pending);
                result = DispatchResult.CircuitOpen;
                break;
            default:
                row["Status"] = nameof(AlertStatus.Pending);
                result = DispatchResult.LeftPending;
                break;
        }

        row["SmtpCode"] = outcome.SmtpCode ?? 0;
        row["SmtpReply"] = outcome.Detail;
        row["SmtpQueueId"] = outcome.QueueId ?? "";
        if (await TryUpdateAsync(row, cancellationToken).ConfigureAwait(false) is null)
        {
            // Someone changed the row mid-send (only the reconciler could, and only if the in-flight timeout were too
            // short). The outcome is still the truth about this attempt: re-apply it if the attempt is still ours.
            var fresh = await ReadAsync(alertId, cancellationToken).ConfigureAwait(false);
            if (fresh is null || attemptId is null || fresh.GetString("AttemptId") != attemptId)
            {
                return DispatchResult.InFlightElsewhere;
            }

            foreach (var property in new[] { "Status", "SentAt", "TemplateVersion", "SmtpCode", "SmtpReply", "SmtpQueueId", "ClaimId" }.Where(row.ContainsKey))
            {
                fresh[property] = row[property];
            }

            await _alerts.UpdateEntityAsync(fresh, fresh.ETag, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
        }

        if (outcome.Kind == DeliveryOutcomeKind.Sent && form is not null)
        {
            await _sent.RecordAsync(form.Id, form.To.OrgCode, now, cancellationToken).ConfigureAwait(false);
        }

        if (outcome.Kind == DeliveryOutcomeKind.PermanentFailure && form is not null)
        {
            await _flags.FlagAsync(form.To.OrgCode, form.Id, form.To.Email, outcome.SmtpCode, outcome.Detail, now, cancellationToken).ConfigureAwait(false);
            await RaiseAsync(
                new OperatorNotice(OperatorNoticeKind.PermanentFailure, form.Id, form.Reference, form.To.OrgCode, form.To.Email, outcome.Detail, now),
                sendNow: true, cancellationToken).ConfigureAwait(false);
        }

        if (outcome.Kind == DeliveryOutcomeKind.PermanentFailure && row.GetString("Kind") == OutboxKeys.EscalationKind)
        {
            // Every escalation address is a directory entry's (levels 1 and 3 the SPOC mailbox Alert Forms use too): flagged as a form's is.
            await _flags.FlagAsync(row.GetString("RecipientOrgCode") ?? "", alertId, email.To.Address, outcome.SmtpCode, outcome.Detail, now, cancellationToken).ConfigureAwait(false);
            await RaiseEscalationUndeliveredAsync(alertId, row.GetString("Reference") ?? "", row.GetString("RecipientOrgCode") ?? "",
                email.To.Address, "the relay refused it permanently: " + outcome.Detail, now, cancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    private async Task<DispatchResult> HoldAsync(TableEntity row, AlertForm form, Instant now, CancellationToken cancellationToken)
    {
        // architecture.md "Security rules": outside the secure-mail allow-list → nothing personal is sent; held; operator told.
        row["Status"] = nameof(AlertStatus.Held);
        if (await TryUpdateAsync(row, cancellationToken).ConfigureAwait(false) is null)
        {
            return DispatchResult.InFlightElsewhere;
        }

        LogHeld(_logger, form.Id, form.To.OrgCode);
        await RaiseAsync(
            new OperatorNotice(OperatorNoticeKind.RecipientNotAllowed, form.Id, form.Reference, form.To.OrgCode, form.To.Email,
                $"recipient domain is not in the secure-mail allow-list ({string.Join(", ", _secureMail.Domains)})", now),
            sendNow: true, cancellationToken).ConfigureAwait(false);
        return DispatchResult.Held;
    }

    private async Task<bool> ReconcileIfStuckAsync(TableEntity row, Instant now, CancellationToken cancellationToken)
    {
        var started = row.GetDateTimeOffset("AttemptStartedAt")?.ToInstant();
        if (started is null || now - started.Value <= _options.InFlightTimeout.ToDuration())
        {
            return false;
        }

        await RepeatOrHoldForOperatorAsync(row, now, $"attempt started {LondonTime.Format(started.Value)} (UK time) recorded no reply", cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// An attempt left without a reply: back to Pending, marked to repeat with the "may repeat" line and counted — or,
    /// once <see cref="OutboxOptions.MaxAutomaticRepeats"/> are spent, Unconfirmed for the operator. The operator is told
    /// once per alert either way. False when the alert now waits for the operator.
    /// </summary>
    private async Task<bool> RepeatOrHoldForOperatorAsync(TableEntity row, Instant now, string why, CancellationToken cancellationToken)
    {
        var repeats = row.GetInt32("Repeats") ?? 0;
        var repeat = repeats < _options.MaxAutomaticRepeats;
        var started = row.GetDateTimeOffset("AttemptStartedAt")?.ToInstant() ?? now;
        row["Status"] = repeat ? nameof(AlertStatus.Pending) : nameof(AlertStatus.Unconfirmed);
        row["ClaimId"] = "";
        row["SmtpCode"] = 0;
        row["SmtpReply"] = why;
        if (repeat)
        {
            row["Repeats"] = repeats + 1;
            // The repeat's line names the first unanswered attempt: that is the copy the recipient may already have.
            row["RepeatOfAttemptAt"] = row.GetDateTimeOffset("RepeatOfAttemptAt") ?? started.ToDateTimeOffset();
        }

        if (await TryUpdateAsync(row, cancellationToken).ConfigureAwait(false) is null)
        {
            return false;
        }

        var alertId = row.GetString("AlertId") ?? row.PartitionKey;
        LogUnanswered(_logger, alertId, repeat, repeats + (repeat ? 1 : 0));
        if (row.GetString("Kind") == OutboxKeys.NoticeKind)
        {
            // A notice email about a notice email would only echo; the stored notice is the record.
            return repeat;
        }

        await RaiseAsync(
            new OperatorNotice(NoticeKindFor(row, repeat ? OperatorNoticeKind.RepeatedSend : OperatorNoticeKind.UnconfirmedSend), alertId, row.GetString("Reference") ?? "",
                row.GetString("RecipientOrgCode") ?? "", row.GetString("RecipientEmail") ?? "",
                $"{why}; Message-ID {row.GetString("MessageId")}; " + (repeat
                    ? $"re-sent automatically with the same Message-ID (repeat {repeats + 1} of at most {_options.MaxAutomaticRepeats})"
                    : $"{repeats} automatic repeats spent; waiting for `coc alert release`"), now),
            sendNow: true, cancellationToken).ConfigureAwait(false);
        return repeat;
    }

    /// <summary>
    /// The notice kind for an event on <paramref name="row"/>: an escalation email's own kind where an Alert Form's would
    /// be worded for a form (so the pages counting Alert Forms by notice kind never count an escalation).
    /// </summary>
    private static OperatorNoticeKind NoticeKindFor(TableEntity row, OperatorNoticeKind formKind) =>
        row.GetString("Kind") != OutboxKeys.EscalationKind ? formKind : formKind switch
        {
            OperatorNoticeKind.RepeatedSend => OperatorNoticeKind.EscalationRepeated,
            OperatorNoticeKind.UnconfirmedSend => OperatorNoticeKind.EscalationUnconfirmed,
            OperatorNoticeKind.Bounced => OperatorNoticeKind.EscalationBounced,
            _ => formKind,
        };

    private bool ClaimedByLiveSender(TableEntity row, Instant now) =>
        !string.IsNullOrEmpty(row.GetString("ClaimId"))
        && row.GetDateTimeOffset("ClaimedAt")?.ToInstant() is { } claimedAt
        && now - claimedAt <= _options.InFlightTimeout.ToDuration();

    private async Task<TableEntity?> ReadAsync(string alertId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(alertId);
        var response = await _alerts.GetEntityIfExistsAsync<TableEntity>(OutboxKeys.Key(alertId), RowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? response.Value : null;
    }

    /// <summary>ETag-guarded merge; null when someone else changed the row first (412).</summary>
    private async Task<ETag?> TryUpdateAsync(TableEntity row, CancellationToken cancellationToken)
    {
        try
        {
            var response = await _alerts.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
            var etag = response.Headers.ETag ?? throw new InvalidOperationException("The table service returned no ETag for an update.");
            row.ETag = etag;
            return etag;
        }
        catch (RequestFailedException exception) when (exception.Status == 412)
        {
            return null;
        }
    }

    internal static AlertStatus StatusOf(TableEntity row) =>
        Enum.TryParse<AlertStatus>(row.GetString("Status"), out var status) ? status : AlertStatus.Pending;

    internal static OutboxEntry ToEntry(TableEntity row) => new(
        row.GetString("AlertId") ?? row.PartitionKey,
        row.GetString("Reference") ?? "",
        StatusOf(row),
        row.GetInt32("AttemptCount") ?? 0,
        row.GetDateTimeOffset("AttemptStartedAt")?.ToInstant(),
        row.GetString("MessageId"),
        row.GetInt32("SmtpCode") is { } code and not 0 ? code : null,
        row.GetString("SmtpReply"),
        row.GetString("TemplateVersion"),
        row.GetString("SmtpQueueId") is { Length: > 0 } queueId ? queueId : null,
        row.GetInt32("Repeats") ?? 0,
        Enum.TryParse<DeliveryState>(row.GetString("Delivery"), out var delivery) ? delivery : DeliveryState.Unknown,
        row.GetDateTimeOffset("SentAt")?.ToInstant(),
        row.GetString("Kind") ?? "");

    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "Alert {AlertId} send outcome {Outcome} (code {SmtpCode})")]
    private static partial void LogOutcome(ILogger logger, string alertId, DeliveryOutcomeKind outcome, int? smtpCode);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Warning, Message = "Alert {AlertId} held: recipient org {OrgCode} is outside the secure-mail allow-list")]
    private static partial void LogHeld(ILogger logger, string alertId, string orgCode);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Error, Message = "Alert {AlertId}: an attempt got no reply; repeated automatically {Repeat} (repeat number {Repeats})")]
    private static partial void LogUnanswered(ILogger logger, string alertId, bool repeat, int repeats);
}
