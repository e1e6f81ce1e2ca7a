using System.Globalization;
using Azure;
using Azure.Data.Tables;
using NodaTime;
using NodaTime.Text;

namespace ContinuityOfCare.Mail.Outbox;

/// <summary>
/// The one table of operator notices (docs/operations.md "Notices"): the hub's own (missing feeds, calendar) and the
/// mail outbox's (held, failed, repeated, bounced, relay down/back) alike. Partition = the notice's day
/// (<c>yyyyMMdd</c>), row = its key: raising is insert-if-absent, so a retried raise is harmless and a period is read by
/// partition range, never by scanning the table. The host supplies the table (the hub: its prefixed state table).
/// </summary>
public sealed class OperatorNoticeStore
{
    private readonly TableClient _table;

    /// <summary>Creates the store over <paramref name="table"/>.</summary>
    public OperatorNoticeStore(TableClient table)
    {
        ArgumentNullException.ThrowIfNull(table);
        _table = table;
    }

    /// <summary>Stores the notice unless one with its key is stored for its day.</summary>
    /// <returns>True when stored now; false when it was already there.</returns>
    /// <exception cref="RequestFailedException">Storage failed.</exception>
    public async Task<bool> TryAddAsync(NoticeRecord notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notice);
        ArgumentException.ThrowIfNullOrEmpty(notice.Key);
        ArgumentException.ThrowIfNullOrEmpty(notice.Kind);
        var row = new TableEntity(Partition(notice.Day), OutboxKeys.Key(notice.Key))
        {
            ["Key"] = notice.Key,
            ["Day"] = LocalDatePattern.Iso.Format(notice.Day),
            ["Kind"] = notice.Kind,
            ["Message"] = notice.Message,
            ["RaisedAt"] = notice.RaisedAt.ToDateTimeOffset(),
            ["AlertId"] = notice.AlertId,
            ["AlertReference"] = notice.AlertReference,
            ["RecipientOrgCode"] = notice.RecipientOrgCode,
        };
        try
        {
            await _table.AddEntityAsync(row, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            return false;
        }
    }

    /// <summary>Notices of the days <paramref name="from"/> to <paramref name="to"/> inclusive, by day, then time raised, then key.</summary>
    public async Task<IReadOnlyList<NoticeRecord>> ListAsync(LocalDate from, LocalDate to, CancellationToken cancellationToken)
    {
        var notices = new List<NoticeRecord>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {Partition(from)} and PartitionKey le {Partition(to)}");
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            notices.Add(new NoticeRecord(
                row.GetString("Key") ?? row.RowKey,
                LocalDatePattern.Iso.Parse(row.GetString("Day") ?? string.Empty).GetValueOrThrow(),
                row.GetString("Kind") ?? string.Empty,
                row.GetString("Message") ?? string.Empty,
                Instant.FromDateTimeOffset(row.GetDateTimeOffset("RaisedAt") ?? DateTimeOffset.UnixEpoch),
                row.GetString("AlertId") ?? string.Empty,
                row.GetString("AlertReference") ?? string.Empty,
                row.GetString("RecipientOrgCode") ?? string.Empty));
        }

        return [.. notices.OrderBy(n => n.Day).ThenBy(n => n.RaisedAt).ThenBy(n => n.Key, StringComparer.Ordinal)];
    }

    private static string Partition(LocalDate day) => day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
}
