using Azure.Data.Tables;

namespace ContinuityOfCare.Hub.Storage;

/// <summary>
/// A table that a store creates the first time it needs it and never asks for again: one create-if-not-exists per
/// process, not one per read. For the tables a part of the hub owns outside the start-up initialisers (a host such as
/// the CLI runs no initialiser). Two first uses at once may both ask; "already exists" is success, so that is harmless.
/// </summary>
/// <param name="table">Resolves the table client (called once).</param>
public sealed class TableOnFirstUse(Func<TableClient> table)
{
    private readonly Lazy<TableClient> _table = new(table ?? throw new ArgumentNullException(nameof(table)));
    private int _created;

    /// <summary>The table, created if this is the first use.</summary>
    /// <exception cref="Azure.RequestFailedException">Storage refused the creation (the next use asks again).</exception>
    public async ValueTask<TableClient> GetAsync(CancellationToken cancellationToken)
    {
        var client = _table.Value;
        if (Volatile.Read(ref _created) == 0)
        {
            await client.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref _created, 1);
        }

        return client;
    }
}
