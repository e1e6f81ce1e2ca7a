using Azure;
using ContinuityOfCare.Core.Alerts;
using Azure.Data.Tables;

namespace ContinuityOfCare.Mail.Outbox;

/// <summary>
/// What an operator does with the outbox from the command line (<c>coc status</c>, <c>coc alert release</c>): list
/// the alerts that need a person, and release one. Needs only the outbox table, not an SMTP configuration.
/// </summary>
public sealed class OutboxOperations
{
    private readonly TableClient _alerts;

    /// <summary>Creates the operations over the outbox table.</summary>
    public OutboxOperations(TableClient alerts)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        _alerts = alerts;
    }

    /// <summary>
    /// Alerts that need attention or were repeated: Unconfirmed, Held, Failed, Bounced or Delayed, and every alert sent
    /// again after an unanswered attempt. Operator notice emails are not listed. Ordered by reference.
    /// </summary>
    public async Task<IReadOnlyList<OutboxEntry>> ListAttentionAsync(CancellationToken cancellationToken)
    {
        var filter = "Status eq 'Unconfirmed' or Status eq 'Held' or Status eq 'Failed' or Repeats gt 0 or Delivery eq 'Bounced' or Delivery eq 'Delayed'";
        var entries = new List<OutboxEntry>();
        await foreach (var row in _alerts.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (row.GetString("Kind") != OutboxKeys.NoticeKind)
            {
                entries.Add(AlertOutbox.ToEntry(row));
            }
        }

        return [.. entries.OrderBy(entry => entry.Reference, StringComparer.Ordinal).ThenBy(entry => entry.AlertId, StringComparer.Ordinal)];
    }

    /// <summary>
    /// The operator's decision: an Unconfirmed or Held alert goes back to Pending, to be sent (again) with the same
    /// Message-ID; an Unconfirmed one carries the "may repeat" line (docs/email.md "The residual window"). False when the
    /// alert is not in one of those states or changed meanwhile.
    /// </summary>
    public async Task<bool> ReleaseAsync(string alertId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(alertId);
        var response = await _alerts.GetEntityIfExistsAsync<TableEntity>(OutboxKeys.Key(alertId), OutboxKeys.RowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!response.HasValue || response.Value is not { } row || AlertOutbox.StatusOf(row) is not (AlertStatus.Unconfirmed or AlertStatus.Held))
        {
            return false;
        }

        if (AlertOutbox.StatusOf(row) == AlertStatus.Unconfirmed)
        {
            row["RepeatOfAttemptAt"] = row.GetDateTimeOffset("RepeatOfAttemptAt") ?? row.GetDateTimeOffset("AttemptStartedAt");
        }

        row["Status"] = nameof(AlertStatus.Pending);
        row["ClaimId"] = "";
        try
        {
            await _alerts.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException exception) when (exception.Status == 412)
        {
            return false;
        }
    }
}
