using Azure;
using ContinuityOfCare.Hub.State;
using Azure.Data.Tables;
using ContinuityOfCare.Hub.Storage;

namespace ContinuityOfCare.Hub.Pipeline;

/// <summary>
/// The Alert Form reference each obligation was asked for in (table <c>&lt;State:TablePrefix&gt;obligationrefs</c>):
/// docs/domain.md "Escalation" — an escalation names the client reference the owner knows the case by, never a name. Written
/// insert-if-absent by the route step; read by escalation.
/// </summary>
public class ObligationReferences(StateTables tables)
{
    /// <summary>The base table name (prefixed like every state table).</summary>
    public const string TableName = "obligationrefs";

    private const string Row = "ref";
    private readonly TableOnFirstUse _table = new(() => tables.Get(TableName));

    /// <summary>Records <paramref name="reference"/> for <paramref name="obligationId"/> unless one is recorded.</summary>
    public virtual async Task RecordAsync(string obligationId, string reference, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(obligationId);
        ArgumentException.ThrowIfNullOrEmpty(reference);
        var table = await TableAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await table.AddEntityAsync(new TableEntity(obligationId, Row) { ["Reference"] = reference }, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            // Recorded by an earlier delivery: the first reference stands.
        }
    }

    /// <summary>The reference, or a neutral one made from the obligation id when none was recorded.</summary>
    public virtual async Task<string> GetAsync(string obligationId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(obligationId);
        var table = await TableAsync(cancellationToken).ConfigureAwait(false);
        var row = (await table.GetEntityIfExistsAsync<TableEntity>(obligationId, Row, cancellationToken: cancellationToken).ConfigureAwait(false)).ValueOrNull();
        return row?.GetString("Reference") is { Length: > 0 } reference
            ? reference
            : "OB-" + obligationId[..Math.Min(8, obligationId.Length)].ToUpperInvariant();
    }

    private ValueTask<TableClient> TableAsync(CancellationToken cancellationToken) => _table.GetAsync(cancellationToken);
}
