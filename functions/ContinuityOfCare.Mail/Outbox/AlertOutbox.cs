using Azure;
using ContinuityOfCare.Core.Alerts;
using ContinuityOfCare.Core.Routing;
using ContinuityOfCare.Mail.Rendering;
using ContinuityOfCare.Mail.Transport;
using ContinuityOfCare.Storage;
using ContinuityOfCare.Storage.Tables;
using Microsoft.Extensions.Logging;
using NodaTime;
using NodaTime.Extensions;

namespace ContinuityOfCare.Mail.Outbox;

/// <summary>
/// The exactly-once outbox for Alert Forms (architecture.md "Reliability rules"; docs/email.md "Outbox"):
/// stored Pending before any attempt; a send claims the row with an ETag-guarded Pending → Sending write that records the
/// attempt id and start instant BEFORE the SMTP call; the outcome moves it to Sent / Failed / back to Pending. A request
/// for an alert that is not Pending sends nothing. An attempt stuck in Sending past <see cref="OutboxOptions.InFlightTimeout"/>
/// is reconciled to Unconfirmed for an operator — never silently re-sent (resolved toward not sending twice).
/// </summary>
public sealed partial class AlertOutbox
{
    private const string RowKey = "alert";
    private readonly TableClient _alerts;
    private readonly AlertEmailFactory _emails;
    private readonly IMailSender _sender;
    private readonly SecureMailPolicy _secureMail;
    private readonly OperatorNoticeBoard _notices;
    private readonly DirectoryEntryFlags _flags;
    private readonly OutboxOptions _options;
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
        _options = options;
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
        catch (RequestFailedException exception) when (exception.IsConflict())
        {
            return EnqueueResult.AlreadyQueued;
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
        var filter = ODataFilter.Create($"Status eq {nameof(AlertStatus.Pending)}");
        await foreach (var row in _alerts.QueryAsync(filter, select: ["AlertId"], cancellationToken: cancellationToken).ConfigureAwait(false))
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
                return await ReconcileIfStuckAsync(row, now, cancellationToken).ConfigureAwait(false)
                    ? DispatchResult.AwaitingOperator
                    : DispatchResult.InFlightElsewhere;
        }

        var form = OutboxFormJson.Deserialize(row.GetString("Form") ?? throw new InvalidOperationException($"Alert {alertId} has no stored form."));
        if (!_secureMail.Allows(form.To.Email))
        {
            return await HoldAsync(row, form, now, cancellationToken).ConfigureAwait(false);
        }

        // The claim: Pending → Sending, with the attempt recorded before anything leaves the building.
        var attemptId = Guid.NewGuid().ToString("N");
        var email = _emails.Create(form, now);
        row["Status"] = nameof(AlertStatus.Sending);
        row["AttemptId"] = attemptId;
        row["AttemptStartedAt"] = now.ToDateTimeOffset();
        row["AttemptCount"] = (row.GetInt32("AttemptCount") ?? 0) + 1;
        row["MessageId"] = email.MessageId;
        var claimed = await TryUpdateAsync(row, cancellationToken).ConfigureAwait(false);
        if (claimed is null)
        {
            return DispatchResult.InFlightElsewhere;
        }

        row.ETag = claimed.Value;
        var outcome = await _sender.SendAsync(email, cancellationToken).ConfigureAwait(false);
        LogOutcome(_logger, alertId, outcome.Kind, outcome.SmtpCode);
        return await RecordOutcomeAsync(row, form, email, outcome, attemptId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Moves every alert stuck in Sending past the in-flight timeout to Unconfirmed and tells the operator. Run by the
    /// timer sweep. Returns how many were reconciled.
    /// </summary>
    public async Task<int> ReconcileAsync(CancellationToken cancellationToken)
    {
        var now = _clock.GetCurrentInstant();
        var stuck = new List<TableEntity>();
        var filter = ODataFilter.Create($"Status eq {nameof(AlertStatus.Sending)}");
        await foreach (var row in _alerts.QueryAsync(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
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
    /// The operator's decision after checking with the recipient: an Unconfirmed or Held alert goes back to Pending, to be
    /// sent (again) with the same Message-ID. Returns false if the alert is not in one of those states.
    /// </summary>
    public async Task<bool> ReleaseAsync(string alertId, CancellationToken cancellationToken)
    {
        var row = await ReadAsync(alertId, cancellationToken).ConfigureAwait(false);
        if (row is null || StatusOf(row) is not (AlertStatus.Unconfirmed or AlertStatus.Held))
        {
            return false;
        }

        row["Status"] = nameof(AlertStatus.Pending);
        return await TryUpdateAsync(row, cancellationToken).ConfigureAwait(false) is not null;
    }

    private async Task<DispatchResult> RecordOutcomeAsync(
        TableEntity row, AlertForm form, OutgoingEmail email, SmtpDeliveryOutcome outcome, string attemptId, CancellationToken cancellationToken)
    {
        var now = _clock.GetCurrentInstant();
        DispatchResult result;
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
        if (await TryUpdateAsync(row, cancellationToken).ConfigureAwait(false) is null)
        {
            // Someone changed the row mid-send (only the reconciler could, and only if the in-flight timeout were too
            // short). The outcome is still the truth about this attempt: re-apply it if the attempt is still ours.
            var fresh = await ReadAsync(form.Id, cancellationToken).ConfigureAwait(false);
            if (fresh is null || fresh.GetString("AttemptId") != attemptId)
            {
                return DispatchResult.InFlightElsewhere;
            }

            foreach (var property in new[] { "Status", "SentAt", "TemplateVersion", "SmtpCode", "SmtpReply" }.Where(row.ContainsKey))
            {
                fresh[property] = row[property];
            }

            await _alerts.UpdateEntityAsync(fresh, fresh.ETag, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
        }

        if (outcome.Kind == DeliveryOutcomeKind.PermanentFailure)
        {
            await _flags.FlagAsync(form.To.OrgCode, form.Id, form.To.Email, outcome.SmtpCode, outcome.Detail, now, cancellationToken).ConfigureAwait(false);
            await _notices.RaiseAsync(
                new OperatorNotice(OperatorNoticeKind.PermanentFailure, form.Id, form.Reference, form.To.OrgCode, form.To.Email, outcome.Detail, now),
                cancellationToken).ConfigureAwait(false);
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
        await _notices.RaiseAsync(
            new OperatorNotice(OperatorNoticeKind.RecipientNotAllowed, form.Id, form.Reference, form.To.OrgCode, form.To.Email,
                $"recipient domain is not in the secure-mail allow-list ({string.Join(", ", _secureMail.Domains)})", now),
            cancellationToken).ConfigureAwait(false);
        return DispatchResult.Held;
    }

    private async Task<bool> ReconcileIfStuckAsync(TableEntity row, Instant now, CancellationToken cancellationToken)
    {
        var started = row.GetDateTimeOffset("AttemptStartedAt")?.ToInstant();
        if (started is null || now - started.Value <= _options.InFlightTimeout.ToDuration())
        {
            return false;
        }

        row["Status"] = nameof(AlertStatus.Unconfirmed);
        if (await TryUpdateAsync(row, cancellationToken).ConfigureAwait(false) is null)
        {
            return false;
        }

        var alertId = row.GetString("AlertId") ?? row.PartitionKey;
        LogUnconfirmed(_logger, alertId);
        await _notices.RaiseAsync(
            new OperatorNotice(OperatorNoticeKind.UnconfirmedSend, alertId, row.GetString("Reference") ?? "",
                row.GetString("RecipientOrgCode") ?? "", row.GetString("RecipientEmail") ?? "",
                $"attempt {row.GetString("AttemptId")} started {started.Value} and never recorded an outcome; Message-ID {row.GetString("MessageId")}", now),
            cancellationToken).ConfigureAwait(false);
        return true;
    }

    private async Task<TableEntity?> ReadAsync(string alertId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(alertId);
        var response = await _alerts.GetEntityIfExistsAsync(OutboxKeys.Key(alertId), RowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.Value;
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
        catch (RequestFailedException exception) when (exception.IsPreconditionFailed())
        {
            return null;
        }
    }

    private static AlertStatus StatusOf(TableEntity row) =>
        Enum.TryParse<AlertStatus>(row.GetString("Status"), out var status) ? status : AlertStatus.Pending;

    private static OutboxEntry ToEntry(TableEntity row) => new(
        row.GetString("AlertId") ?? row.PartitionKey,
        row.GetString("Reference") ?? "",
        StatusOf(row),
        row.GetInt32("AttemptCount") ?? 0,
        row.GetDateTimeOffset("AttemptStartedAt")?.ToInstant(),
        row.GetString("MessageId"),
        row.GetInt32("SmtpCode") is { } code and not 0 ? code : null,
        row.GetString("SmtpReply"),
        row.GetString("TemplateVersion"));

    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "Alert {AlertId} send outcome {Outcome} (code {SmtpCode})")]
    private static partial void LogOutcome(ILogger logger, string alertId, DeliveryOutcomeKind outcome, int? smtpCode);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Warning, Message = "Alert {AlertId} held: recipient org {OrgCode} is outside the secure-mail allow-list")]
    private static partial void LogHeld(ILogger logger, string alertId, string orgCode);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Error, Message = "Alert {AlertId} was stuck in Sending; marked Unconfirmed for the operator")]
    private static partial void LogUnconfirmed(ILogger logger, string alertId);
}
