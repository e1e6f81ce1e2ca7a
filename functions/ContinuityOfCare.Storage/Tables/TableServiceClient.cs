using Azure;
using Azure.Core;
using ContinuityOfCare.Storage.Pipeline;

namespace ContinuityOfCare.Storage.Tables;

/// <summary>A client for a storage account's Table service: hands out <see cref="TableClient"/>s sharing one pipeline.</summary>
public class TableServiceClient
{
    private readonly StoragePipeline _pipeline = null!;
    private readonly Uri _endpoint = null!;

    /// <summary>Creates a client from a connection string (Shared Key).</summary>
    /// <param name="connectionString">An Azure Storage connection string.</param>
    /// <param name="options">Retry, logging and transport options.</param>
    /// <exception cref="ArgumentNullException"><paramref name="connectionString"/> is null.</exception>
    /// <exception cref="FormatException">The connection string is invalid or has no table endpoint.</exception>
    public TableServiceClient(string connectionString, TableClientOptions? options = null)
    {
        var parsed = StorageConnectionString.Parse(connectionString);
        _endpoint = parsed.TableEndpoint ?? throw new FormatException("The connection string has no table endpoint.");
        _pipeline = StoragePipeline.ForTable(options ?? new(), TableClientOptions.ServiceVersion, parsed.Credential);
    }

    /// <summary>Creates a client authorised by Entra ID tokens.</summary>
    /// <param name="endpoint">The Table service endpoint (https).</param>
    /// <param name="credential">The token credential, e.g. <c>DefaultAzureCredential</c>.</param>
    /// <param name="options">Retry, logging and transport options.</param>
    /// <exception cref="ArgumentNullException">A required argument is null.</exception>
    public TableServiceClient(Uri endpoint, TokenCredential credential, TableClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(credential);
        _endpoint = endpoint;
        _pipeline = StoragePipeline.ForToken(options ?? new(), TableClientOptions.ServiceVersion, credential);
    }

    /// <summary>Creates a client authorised with an account key.</summary>
    /// <param name="endpoint">The Table service endpoint.</param>
    /// <param name="credential">The account name and key.</param>
    /// <param name="options">Retry, logging and transport options.</param>
    /// <exception cref="ArgumentNullException">A required argument is null.</exception>
    public TableServiceClient(Uri endpoint, StorageSharedKeyCredential credential, TableClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(credential);
        _endpoint = endpoint;
        _pipeline = StoragePipeline.ForTable(options ?? new(), TableClientOptions.ServiceVersion, credential);
    }

    /// <summary>For substitution in tests.</summary>
    protected TableServiceClient()
    {
    }

    /// <summary>The Table service endpoint.</summary>
    public virtual Uri Endpoint => _endpoint;

    /// <summary>A client for one table (no request is made).</summary>
    /// <param name="tableName">The table name: 3–63 letters and digits, starting with a letter.</param>
    /// <returns>The table client.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="tableName"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="tableName"/> is not a valid table name.</exception>
    public virtual TableClient GetTableClient(string tableName) => new(_endpoint, tableName, _pipeline);

    /// <summary>Creates a table unless it exists.</summary>
    /// <param name="tableName">The table name.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>True if created now, false if it existed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="tableName"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="tableName"/> is not a valid table name.</exception>
    /// <exception cref="RequestFailedException">The service refused.</exception>
    public virtual Task<Response<bool>> CreateTableIfNotExistsAsync(string tableName, CancellationToken cancellationToken = default) =>
        GetTableClient(tableName).CreateIfNotExistsAsync(cancellationToken);

    /// <summary>Deletes a table if it exists.</summary>
    /// <param name="tableName">The table name.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>True if deleted, false if there was none.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="tableName"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="tableName"/> is not a valid table name.</exception>
    /// <exception cref="RequestFailedException">The service refused.</exception>
    public virtual Task<Response<bool>> DeleteTableIfExistsAsync(string tableName, CancellationToken cancellationToken = default) =>
        GetTableClient(tableName).DeleteIfExistsAsync(cancellationToken);
}
