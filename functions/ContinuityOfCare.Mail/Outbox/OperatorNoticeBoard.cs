using Azure;
using ContinuityOfCare.Mail.Rendering;
using ContinuityOfCare.Mail.Transport;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using NodaTime.Extensions;

namespace ContinuityOfCare.Mail.Outbox;

/// <summary>
/// Stores operator notices (one row per notice, insert-if-absent so a retried raise is harmless) and, when an operator
/// mailbox is configured, emails them rendered from <c>operator-notice.v1</c>.
/// </summary>
public sealed partial class OperatorNoticeBoard
{
    /// <summary>The partition every notice row lives in (a small table; listed whole by the operations CLI).</summary>
    public const string Partition = "notice";

    private readonly TableClient _notices;
    private readonly IMailSender _sender;
    private readonly OperatorNoticeRenderer _renderer = new();
    private readonly MailParty? _operator;
    private readonly MailParty _hub;
    private readonly string _messageIdDomain;
    private readonly ILogger _logger;

    /// <summary>Creates the board.</summary>
    public OperatorNoticeBoard(TableClient notices, IMailSender sender, SmtpOptions smtp, OutboxOptions outbox, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(notices);
        ArgumentNullException.ThrowIfNull(sender);
        ArgumentNullException.ThrowIfNull(smtp);
        ArgumentNullException.ThrowIfNull(outbox);
        ArgumentNullException.ThrowIfNull(logger);
        _notices = notices;
        _sender = sender;
        _logger = logger;
        _hub = new MailParty(smtp.SenderAddress, smtp.SenderDisplayName);
        _messageIdDomain = smtp.MessageIdDomain;
        _operator = string.IsNullOrWhiteSpace(outbox.OperatorAddress) ? null : new MailParty(outbox.OperatorAddress, "Hub operator");
    }

    /// <summary>Records the notice once; emails it to the operator the first time it is recorded.</summary>
    public async Task RaiseAsync(OperatorNotice notice, CancellationToken cancellationToken)
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
            return;
        }

        LogNotice(_logger, notice.Kind, notice.AlertId, notice.RecipientOrgCode);
        if (_operator is null)
        {
            return;
        }

        var rendered = _renderer.Render(notice);
        var email = new OutgoingEmail(
            MessageIds.For("notice-" + notice.Id, _messageIdDomain), _hub, _operator, null,
            rendered.Subject, rendered.Text, rendered.Html, rendered.TemplateVersion);
        var outcome = await _sender.SendAsync(email, cancellationToken).ConfigureAwait(false);
        if (outcome.Kind != DeliveryOutcomeKind.Sent)
        {
            // The stored row is the record; the email is a convenience that must not fail the alert's own processing.
            LogNoticeEmailFailed(_logger, notice.AlertId, outcome.Kind, outcome.SmtpCode);
        }
    }

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

    [LoggerMessage(EventId = 5202, Level = LogLevel.Warning, Message = "Operator notice email for alert {AlertId} not sent: {Outcome} (code {SmtpCode})")]
    private static partial void LogNoticeEmailFailed(ILogger logger, string alertId, DeliveryOutcomeKind outcome, int? smtpCode);
}
