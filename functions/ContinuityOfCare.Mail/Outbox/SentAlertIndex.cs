using System.Globalization;
using Azure;
using Azure.Data.Tables;
using ContinuityOfCare.Core.Time;
using NodaTime;

namespace ContinuityOfCare.Mail.Outbox;

/// <summary>
/// The day index of Alert Forms the relay accepted (table <see cref="OutboxOptions.SentByDayTable"/>): partition = the
/// Europe/London day it was sent (<c>yyyyMMdd</c>), row = the alert's key, one row per alert. The outbox is keyed by
/// alert (one partition each), so "how many were sent today" would otherwise scan every alert ever sent; with this it
/// is one partition read. Written after the Sent outcome is stored, as an upsert (a repeated write is harmless); a
/// process that dies between the two leaves that alert uncounted — a count for the console, never a record anything
/// depends on (the outbox row is the record).
/// </summary>
public sealed class SentAlertIndex
{
    private readonly TableClient _table;

    /// <summary>Creates the index over <paramref name="table"/>.</summary>
    public SentAlertIndex(TableClient table)
    {
        ArgumentNullException.ThrowIfNull(table);
        _table = table;
    }

    /// <summary>Records that alert <paramref name="alertId"/> for <paramref name="recipientOrgCode"/> was sent at <paramref name="sentAt"/>.</summary>
    /// <exception cref="RequestFailedException">Storage failed.</exception>
    public async Task RecordAsync(string alertId, string recipientOrgCode, Instant sentAt, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(alertId);
        var row = new TableEntity(Partition(LondonTime.ToLocal(sentAt).Date), OutboxKeys.Key(alertId))
        {
            ["RecipientOrgCode"] = recipientOrgCode ?? string.Empty,
            ["SentAt"] = sentAt.ToDateTimeOffset(),
        };
        await _table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>How many Alert Forms were sent on <paramref name="day"/> (Europe/London): one partition, keys only.</summary>
    /// <exception cref="RequestFailedException">Storage failed.</exception>
    public async Task<int> CountAsync(LocalDate day, CancellationToken cancellationToken)
    {
        var count = 0;
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition(day)}");
        await foreach (var _ in _table.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            count++;
        }

        return count;
    }

    private static string Partition(LocalDate day) => day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
}
