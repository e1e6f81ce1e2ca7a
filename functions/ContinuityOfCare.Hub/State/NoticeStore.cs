using Azure;
using ContinuityOfCare.Mail.Outbox;
using NodaTime;
using NodaTime.Text;

namespace ContinuityOfCare.Hub.State;

/// <summary>
/// The hub's operator notices (docs/operations.md "Notices": once per feed per day; "The calendar running out": warn
/// 90 days ahead), kept in the one notice store the mail outbox's delivery notices share
/// (<see cref="OperatorNoticeStore"/>): raising is insert-if-absent per key per day, so every timer run after the first
/// on that day is a no-op. A notice raised now is also emailed to the operator through the mail outbox when email is
/// configured — the one channel every notice takes (docs/email.md "Operator notices").
/// </summary>
public sealed class NoticeStore
{
    private readonly OperatorNoticeStore _store;
    private readonly IServiceProvider? _services;

    /// <summary>Creates the store; with <paramref name="services"/>, new notices are emailed through the outbox when one is registered.</summary>
    public NoticeStore(OperatorNoticeStore store, IServiceProvider? services = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
        _services = services;
    }

    /// <summary>Raises the notice unless one with its key was raised for its day.</summary>
    /// <returns>True when raised now (tell the operator); false when already raised that day.</returns>
    /// <exception cref="RequestFailedException">Storage failed.</exception>
    public async Task<bool> TryRaiseAsync(HubNotice notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notice);
        ArgumentException.ThrowIfNullOrEmpty(notice.Key);
        ArgumentException.ThrowIfNullOrEmpty(notice.Kind);
        var raised = await _store.TryAddAsync(new NoticeRecord(notice.Key, notice.Day, notice.Kind, notice.Message ?? string.Empty, notice.RaisedAt), cancellationToken)
            .ConfigureAwait(false);
        if (!raised)
        {
            return false;
        }

        // Resolved late: the outbox is optional (email may be off) and is built after the state stores.
        if (_services?.GetService(typeof(AlertOutbox)) is AlertOutbox outbox)
        {
            await outbox.EmailHubNoticeAsync($"{notice.Key}-{LocalDatePattern.Iso.Format(notice.Day)}", notice.Kind, notice.Message ?? string.Empty, notice.RaisedAt, cancellationToken)
                .ConfigureAwait(false);
        }

        return true;
    }

    /// <summary>
    /// Every notice of the days <paramref name="from"/> to <paramref name="to"/> inclusive — the hub's and the outbox's
    /// delivery notices alike (one store) — by day, then time raised.
    /// </summary>
    public async Task<IReadOnlyList<HubNotice>> ListAsync(LocalDate from, LocalDate to, CancellationToken cancellationToken)
    {
        var records = await _store.ListAsync(from, to, cancellationToken).ConfigureAwait(false);
        return [.. records.Select(record => new HubNotice(record.Key, record.Day, record.Kind, Describe(record), record.RaisedAt))];
    }

    /// <summary>A delivery notice's line names its alert reference and recipient organisation (codes, no client data).</summary>
    private static string Describe(NoticeRecord record) => record.AlertReference.Length == 0 && record.RecipientOrgCode.Length == 0
        ? record.Message
        : $"{record.Message} (alert {(record.AlertReference.Length == 0 ? record.AlertId : record.AlertReference)}, recipient {record.RecipientOrgCode})";
}
