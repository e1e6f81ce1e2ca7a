using System.Globalization;
using Azure;
using Azure.Data.Tables;
using ContinuityOfCare.Mail.Outbox;
using NodaTime;
using NodaTime.Text;

namespace ContinuityOfCare.Hub.State;

/// <summary>
/// Operator notices about the hub (docs/operations.md "Notices": once per feed per day;
/// "The calendar running out": warn 90 days ahead). Partition = the day (<c>yyyyMMdd</c>), row = the key: raising is
/// insert-if-absent, so every timer run after the first on that day is a no-op. A notice raised now is also emailed to
/// the operator through the mail outbox when email is configured — the one channel every notice takes (docs/email.md
/// "Operator notices"). Notices about one alert's delivery are the mail outbox's own (<c>OperatorNoticeBoard</c>).
/// </summary>
public sealed class NoticeStore
{
    private readonly TableClient _table;
    private readonly IServiceProvider? _services;

    /// <summary>Creates the store; with <paramref name="services"/>, new notices are emailed through the outbox when one is registered.</summary>
    public NoticeStore(StateTables tables, IServiceProvider? services = null)
    {
        ArgumentNullException.ThrowIfNull(tables);
        _table = tables.Get(TableNames.Notices);
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
        var row = new TableEntity(Partition(notice.Day), StateKeys.Legal(notice.Key))
        {
            ["Key"] = notice.Key,
            ["Day"] = LocalDatePattern.Iso.Format(notice.Day),
            ["Kind"] = notice.Kind,
            ["Message"] = notice.Message ?? string.Empty,
            ["RaisedAt"] = StateKeys.ToStored(notice.RaisedAt),
        };
        try
        {
            await _table.AddEntityAsync(row, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
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

    /// <summary>Notices for the days <paramref name="from"/> to <paramref name="to"/> inclusive, by day then key.</summary>
    public async Task<IReadOnlyList<HubNotice>> ListAsync(LocalDate from, LocalDate to, CancellationToken cancellationToken)
    {
        var notices = new List<HubNotice>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {Partition(from)} and PartitionKey le {Partition(to)}");
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            notices.Add(new HubNotice(
                row.GetString("Key") ?? row.RowKey,
                LocalDatePattern.Iso.Parse(row.GetString("Day") ?? string.Empty).GetValueOrThrow(),
                row.GetString("Kind") ?? string.Empty,
                row.GetString("Message") ?? string.Empty,
                StateKeys.FromStored(row.GetDateTimeOffset("RaisedAt") ?? DateTimeOffset.UnixEpoch)));
        }

        return [.. notices.OrderBy(n => n.Day).ThenBy(n => n.Key, StringComparer.Ordinal)];
    }

    private static string Partition(LocalDate day) => day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
}
