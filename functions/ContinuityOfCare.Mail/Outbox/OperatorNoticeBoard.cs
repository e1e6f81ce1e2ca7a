using Azure;
using ContinuityOfCare.Core.Alerts;
using ContinuityOfCare.Mail.Rendering;
using ContinuityOfCare.Mail.Transport;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using ContinuityOfCare.Core.Time;
using NodaTime;
using NodaTime.Extensions;

namespace ContinuityOfCare.Mail.Outbox;

/// <summary>
/// Raises operator notices: records each once in the one notice store (<see cref="OperatorNoticeStore"/>, shared with
/// the hub's own notices) and, when an operator mailbox is configured, queues its email, rendered from
/// <c>operator-notice.v1</c>, in the alert outbox: the one channel every notice takes (docs/operations.md "Operator
/// notices"), sent exactly once like an Alert Form, and kept while the relay is down.
/// </summary>
public sealed partial class OperatorNoticeBoard
{
    private readonly OperatorNoticeStore _notices;
    private readonly TableClient _outbox;
    private readonly OperatorNoticeRenderer _renderer = new();
    private readonly MailParty? _operator;
    private readonly MailParty _hub;
    private readonly string _messageIdDomain;
    private readonly ILogger _logger;

    /// <summary>Creates the board.</summary>
    public OperatorNoticeBoard(OperatorNoticeStore notices, TableClient outboxTable, SmtpOptions smtp, OutboxOptions outbox, ILogger logger)
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
        if (!await _notices.TryAddAsync(RecordOf(notice), cancellationToken).ConfigureAwait(false))
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

        var id = EmailIdOf(notice);
        var email = new QueuedEmail(id, OutboxKeys.NoticeKind, notice.AlertReference, "", _operator, _renderer.Render(notice));
        return await email.TryQueueAsync(_outbox, notice.RaisedAt, cancellationToken).ConfigureAwait(false) ? id : null;
    }

    /// <summary>The email a queued notice row carries (no Alert Form: the row holds the rendered notice).</summary>
    internal OutgoingEmail? EmailFrom(TableEntity row) => _operator is null ? null :
        QueuedEmail.EmailFrom(row, _hub, _messageIdDomain, new MailParty(row.GetString("RecipientEmail") ?? _operator.Address, _operator.DisplayName), repeatOf: null);

    /// <summary>
    /// The delivery notices (those about alerts and the relay) of the days <paramref name="from"/> to
    /// <paramref name="to"/>; the hub's own notices in the same store are left out.
    /// </summary>
    public async Task<IReadOnlyList<OperatorNotice>> ListAsync(LocalDate from, LocalDate to, CancellationToken cancellationToken)
    {
        var notices = new List<OperatorNotice>();
        foreach (var record in await _notices.ListAsync(from, to, cancellationToken).ConfigureAwait(false))
        {
            if (Enum.TryParse<OperatorNoticeKind>(record.Kind, out var kind) && kind != OperatorNoticeKind.Hub)
            {
                notices.Add(new OperatorNotice(kind, record.AlertId, record.AlertReference, record.RecipientOrgCode, "", record.Message, record.RaisedAt));
            }
        }

        return notices;
    }

    /// <summary>
    /// The stored form of a delivery notice: keyed by its deterministic id on the Europe/London day it was raised. The
    /// recipient mailbox is left out: the org code names the directory entry, which holds it.
    /// </summary>
    private static NoticeRecord RecordOf(OperatorNotice notice) => new(
        notice.Id, LondonTime.ToLocal(notice.RaisedAt).Date, notice.Kind.ToString(), notice.Detail, notice.RaisedAt,
        notice.AlertId, notice.AlertReference, notice.RecipientOrgCode);

    [LoggerMessage(EventId = 5201, Level = LogLevel.Warning, Message = "Operator notice {Kind} raised for alert {AlertId} (recipient org {OrgCode})")]
    private static partial void LogNotice(ILogger logger, OperatorNoticeKind kind, string alertId, string orgCode);
}
