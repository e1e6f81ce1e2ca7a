using Azure.Data.Tables;
using NodaTime;
using NodaTime.Extensions;

namespace ContinuityOfCare.Mail.Outbox;

/// <summary>
/// architecture.md "Reliability rules": a permanent failure flags the recipient's directory entry. One row per
/// (org code, alert) so repeated failures of the same entry are all visible; the directory refresh reads them.
/// </summary>
public sealed class DirectoryEntryFlags
{
    private readonly TableClient _flags;

    /// <summary>Creates the flag store over <paramref name="flags"/>.</summary>
    public DirectoryEntryFlags(TableClient flags)
    {
        ArgumentNullException.ThrowIfNull(flags);
        _flags = flags;
    }

    /// <summary>Flags <paramref name="orgCode"/>'s entry (idempotent per alert).</summary>
    public async Task FlagAsync(string orgCode, string alertId, string email, int? smtpCode, string detail, Instant at, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(OutboxKeys.Key(orgCode), OutboxKeys.Key(alertId))
        {
            ["Email"] = email,
            ["SmtpCode"] = smtpCode ?? 0,
            ["Detail"] = detail,
            ["FlaggedAt"] = at.ToDateTimeOffset(),
        };
        await _flags.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>How many flags <paramref name="orgCode"/>'s entry carries.</summary>
    public async Task<int> CountAsync(string orgCode, CancellationToken cancellationToken)
    {
        var count = 0;
        await foreach (var _ in _flags.QueryAsync<TableEntity>(ODataFilterFor(orgCode), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            count++;
        }

        return count;
    }

    private static string ODataFilterFor(string orgCode) => TableClient.CreateQueryFilter($"PartitionKey eq {OutboxKeys.Key(orgCode)}");
}
