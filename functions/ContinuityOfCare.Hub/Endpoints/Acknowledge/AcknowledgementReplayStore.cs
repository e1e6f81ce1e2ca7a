using Azure;
using ContinuityOfCare.Hub.State;
using Azure.Data.Tables;
using ContinuityOfCare.Hub.Storage;
using NodaTime;

namespace ContinuityOfCare.Hub.Endpoints.Acknowledge;

/// <summary>
/// Makes acknowledgement links single use (architecture.md "Security rules"): the first use of a token inserts its
/// nonce (insert-if-absent, so two racing clicks cannot both win); a second insert conflicts. Table
/// <c>{State:TablePrefix}ackreplays</c>, partition <c>nonce</c>, row = the token's nonce (base64url: key-safe).
/// Rows may be deleted after the token's expiry (kept in <c>ExpiresAt</c>): an expired token is refused anyway.
/// </summary>
public sealed class AcknowledgementReplayStore(StateTables tables)
{
    /// <summary>The table's base name (after <see cref="StateOptions.TablePrefix"/>).</summary>
    public const string TableName = "ackreplays";

    private const string Partition = "nonce";
    private readonly TableOnFirstUse _table = new(() => tables.Get(TableName));

    /// <summary>True when the token with <paramref name="nonce"/> was already used.</summary>
    /// <exception cref="RequestFailedException">Storage failed.</exception>
    public async Task<bool> WasUsedAsync(string nonce, CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken).ConfigureAwait(false);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(Partition, nonce, ["ObligationId"], cancellationToken).ConfigureAwait(false);
        return row.HasValue;
    }

    /// <summary>Claims the nonce: true for the first use, false when it was used before.</summary>
    /// <exception cref="RequestFailedException">Storage failed.</exception>
    public async Task<bool> TryClaimAsync(string nonce, string obligationId, Instant usedAt, Instant expiresAt, CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken).ConfigureAwait(false);
        var row = new TableEntity(Partition, nonce)
        {
            ["ObligationId"] = obligationId,
            ["UsedAt"] = usedAt.ToDateTimeOffset(),
            ["ExpiresAt"] = expiresAt.ToDateTimeOffset(),
        };
        try
        {
            await table.AddEntityAsync(row, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            return false;
        }
    }

    /// <summary>Gives a claim back after the fulfilment it guarded failed, so the person can retry the same link.</summary>
    /// <exception cref="RequestFailedException">Storage failed.</exception>
    public async Task ReleaseAsync(string nonce, CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken).ConfigureAwait(false);
        await table.DeleteEntityAsync(Partition, nonce, ETag.All, cancellationToken).ConfigureAwait(false);
    }

    private ValueTask<TableClient> TableAsync(CancellationToken cancellationToken) => _table.GetAsync(cancellationToken);
}
