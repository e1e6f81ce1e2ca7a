using Azure;
using ContinuityOfCare.Core.Alerts;
using ContinuityOfCare.Mail.Rendering;
using ContinuityOfCare.Mail.Transport;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using NodaTime.Extensions;

namespace ContinuityOfCare.Mail.Outbox;

/// <summary>
/// Stores operator notices (one row per notice, insert-if-absent so a retried raise is harmless) and, when an operator
/// mailbox is configured, queues their email, rendered from <c>operator-notice.v1</c>, in the alert outbox: the one
/// channel every notice takes (docs/operations.md "Operator notices"), sent exactly once like an Alert Form, and kept
/// while the relay is down.
/// </summary>
public sealed partial class OperatorNoticeBoard
{
    /// <summary>The partition every notice row lives in (a small table; listed whole by the operations CLI).</summary>
    public const string Partition = "notice";

    private readonly TableClient _notices;
    private readonly TableClient _outbox;
    private readonly OperatorNoticeRenderer _renderer = new();
    private readonly MailParty? _operator;
    private readonly MailParty _hub;
    private readonly string _messageIdDomain;
    private readonly ILogger _logger;

    /// <summary>Creates the board.</summary>
    public OperatorNoticeBoard(TableClient notices, TableClient outboxTable, SmtpOptions smtp, OutboxOptions outbox, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(notices);
        ArgumentNullException.ThrowIfNull(outboxTable);
        ArgumentNullException.ThrowIfNull(smtp);
        ArgumentNullException.ThrowIfNull(outbox);
        ArgumentNullException.ThrowIfNull(logger);
        _notices = notices;
        _outbox = outboxTable;
        _logger = logger;
        _hub = new MailParty(smtp.SenderAddress, smtp.SenderDisplayName);
        _messageIdDomain = smtp.MessageIdDomain;
        _operator = string.IsNullOrWhiteSpace(outbox.OperatorAddress) ? null : new MailParty(outbox.OperatorAddress, "Hub operator");
    }

    /// <summary>The outbox id of <paramref name="notice"/>'s email.</summary>
    public static string EmailIdOf(OperatorNotice notice) => "notice-" + (notice ?? throw new ArgumentNullException(nameof(notice))).Id;

    /// <summary>
    /// Records the notice once; the first time, queues its email to the operator in the outbox. Returns the outbox id of
    /// that email when one was queued now (the caller may send it at once), else null.
    /// </summary>
    public async Task<string?> RaiseAsync(OperatorNotice notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var entity = new TableEntity(Partition, OutboxKeys.Key(notice.Id))
        {
            ["Kind"] = notice.Kind.ToString(),
            ["AlertId"] = notice.AlertId,
            ["AlertReference"] = notice.AlertReference,
            ["RecipientOrgCode"] = notice.RecipientOrgCode,
            ["RecipientEmail"] = notice.RecipientEmail,
            ["Detail"] = notice.Detail,
            ["RaisedAt"] = notice.RaisedAt.ToDateTimeOffset(),
        };
        try
        {
            await _notices.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            return null;
        }

        LogNotice(_logger, notice.Kind, notice.AlertId, notice.RecipientOrgCode);
        return await QueueEmailAsync(notice, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Queues the notice's email to the operator in the outbox without storing a notice row here: for notices whose
    /// record is kept elsewhere (the hub's own, <see cref="OperatorNoticeKind.Hub"/>). Insert-if-absent by the notice id.
    /// Returns the outbox id when queued now, else null (no operator mailbox, or already queued).
    /// </summary>
    public async Task<string?> QueueEmailAsync(OperatorNotice notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notice);
        if (_operator is null)
        {
            return null;
        }

        var rendered = _renderer.Render(notice);
        var id = EmailIdOf(notice);
        var row = new TableEntity(OutboxKeys.Key(id), OutboxKeys.RowKey)
        {
            ["AlertId"] = id,
            ["Kind"] = OutboxKeys.NoticeKind,
            ["Status"] = nameof(AlertStatus.Pending),
            ["Reference"] = notice.AlertReference,
            ["RecipientOrgCode"] = "",
            ["RecipientEmail"] = _operator.Address,
            ["Subject"] = rendered.Subject,
            ["Text"] = rendered.Text,
            ["Html"] = rendered.Html,
            ["TemplateVersion"] = rendered.TemplateVersion,
            ["EnqueuedAt"] = notice.RaisedAt.ToDateTimeOffset(),
            ["AttemptCount"] = 0,
        };
        try
        {
            await _outbox.AddEntityAsync(row, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            return null;
        }

        return id;
    }

    /// <summary>The email a queued notice row carries (no Alert Form: the row holds the rendered notice).</summary>
    internal OutgoingEmail? EmailFrom(TableEntity row) => _operator is null ? null : new OutgoingEmail(
        MessageIds.For(row.GetString("AlertId") ?? row.PartitionKey, _messageIdDomain), _hub, new MailParty(row.GetString("RecipientEmail") ?? _operator.Address, _operator.DisplayName), null,
        row.GetString("Subject") ?? "", row.GetString("Text") ?? "", row.GetString("Html") ?? "", row.GetString("TemplateVersion") ?? "", row.GetString("AlertId"));

    /// <summary>Every stored notice (for the operator's listing and for tests).</summary>
    public async Task<IReadOnlyList<OperatorNotice>> ListAsync(CancellationToken cancellationToken)
    {
        var notices = new List<OperatorNotice>();
        await foreach (var row in _notices.QueryAsync<TableEntity>(cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            notices.Add(new OperatorNotice(
                Enum.Parse<OperatorNoticeKind>(row.GetString("Kind") ?? nameof(OperatorNoticeKind.UnconfirmedSend)),
                row.GetString("AlertId") ?? "",
                row.GetString("AlertReference") ?? "",
                row.GetString("RecipientOrgCode") ?? "",
                row.GetString("RecipientEmail") ?? "",
                row.GetString("Detail") ?? "",
                (row.GetDateTimeOffset("RaisedAt") ?? DateTimeOffset.UnixEpoch).ToInstant()));
        }

        return notices;
    }

    [LoggerMessage(EventId = 5201, Level = LogLevel.Warning, Message = "Operator notice {Kind} raised for alert {AlertId} (recipient org {OrgCode})")]
    private static partial void LogNotice(ILogger logger, OperatorNoticeKind kind, string alertId, string orgCode);
}
