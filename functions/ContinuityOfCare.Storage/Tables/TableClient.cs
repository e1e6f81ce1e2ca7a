using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Azure;
using Azure.Core;
using ContinuityOfCare.Storage.Pipeline;

namespace ContinuityOfCare.Storage.Tables;

/// <summary>
/// A client for one table: create/delete the table, insert, upsert, update (ETag-guarded), get, query (paged) and
/// delete entities, and entity group transactions. Every failure is a <see cref="RequestFailedException"/> carrying
/// Status, ErrorCode and the request id; "if exists"/"if not exists" outcomes are results, not exceptions.
/// </summary>
public partial class TableClient
{
    private const string JsonAccept = "application/json;odata=minimalmetadata";

    private readonly StoragePipeline _pipeline = null!;
    private readonly Uri _endpoint = null!;

    /// <summary>Creates a client from a connection string (Shared Key).</summary>
    /// <param name="connectionString">An Azure Storage connection string (see <see cref="StorageConnectionString"/>).</param>
    /// <param name="tableName">The table name: 3–63 letters and digits, starting with a letter.</param>
    /// <param name="options">Retry, logging and transport options.</param>
    /// <exception cref="ArgumentNullException">A required argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="tableName"/> is not a valid table name.</exception>
    /// <exception cref="FormatException">The connection string is invalid.</exception>
    public TableClient(string connectionString, string tableName, TableClientOptions? options = null)
        : this(StorageConnectionString.Parse(connectionString), tableName, options)
    {
    }

    /// <summary>Creates a client authorised by Entra ID tokens (e.g. <c>DefaultAzureCredential</c>).</summary>
    /// <param name="endpoint">The Table service endpoint, e.g. <c>https://account.table.core.windows.net</c> (https required).</param>
    /// <param name="tableName">The table name.</param>
    /// <param name="credential">The token credential.</param>
    /// <param name="options">Retry, logging and transport options.</param>
    /// <exception cref="ArgumentNullException">A required argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="tableName"/> is not a valid table name.</exception>
    public TableClient(Uri endpoint, string tableName, TokenCredential credential, TableClientOptions? options = null)
        : this(endpoint, tableName, StoragePipeline.ForToken(options ?? new(), TableClientOptions.ServiceVersion, credential ?? throw new ArgumentNullException(nameof(credential))))
    {
    }

    /// <summary>Creates a client authorised with an account key (Shared Key).</summary>
    /// <param name="endpoint">The Table service endpoint (for Azurite, path-style <c>http://127.0.0.1:10002/devstoreaccount1</c>).</param>
    /// <param name="tableName">The table name.</param>
    /// <param name="credential">The account name and key.</param>
    /// <param name="options">Retry, logging and transport options.</param>
    /// <exception cref="ArgumentNullException">A required argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="tableName"/> is not a valid table name.</exception>
    public TableClient(Uri endpoint, string tableName, StorageSharedKeyCredential credential, TableClientOptions? options = null)
        : this(endpoint, tableName, StoragePipeline.ForTable(options ?? new(), TableClientOptions.ServiceVersion, credential ?? throw new ArgumentNullException(nameof(credential))))
    {
    }

    /// <summary>For substitution in tests (e.g. a subclass overriding the virtual members).</summary>
    protected TableClient()
    {
        Name = string.Empty;
    }

    private TableClient(StorageConnectionString connectionString, string tableName, TableClientOptions? options)
        : this(
            connectionString.TableEndpoint ?? throw new FormatException("The connection string has no table endpoint."),
            tableName,
            StoragePipeline.ForTable(options ?? new(), TableClientOptions.ServiceVersion, connectionString.Credential))
    {
    }

    internal TableClient(Uri endpoint, string tableName, StoragePipeline pipeline)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        _endpoint = endpoint;
        Name = ValidateTableName(tableName);
        _pipeline = pipeline;
    }

    /// <summary>The table name.</summary>
    public virtual string Name { get; }

    /// <summary>Creates the table unless it exists.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>True if this call created the table, false if it already existed.</returns>
    /// <exception cref="RequestFailedException">The service refused (e.g. the table is being deleted: 409 TableBeingDeleted).</exception>
    public virtual async Task<Response<bool>> CreateIfNotExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = CreateMessage(RequestMethod.Post, "Tables");
        message.Request.Headers.SetValue("Prefer", "return-no-content");
        SetJsonContent(message, Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new Dictionary<string, string> { ["TableName"] = Name })));
        var response = await _pipeline.SendAsync(message, cancellationToken, 201, 204, 409).ConfigureAwait(false);
        if (response.Status == 409 && StoragePipeline.ErrorCode(response) != "TableAlreadyExists")
        {
            throw new RequestFailedException(response, null, StorageErrorParser.Instance);
        }

        return Response.FromValue(response.Status != 409, response);
    }

    /// <summary>Deletes the table and all its entities, if it exists.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>True if deleted, false if there was no such table.</returns>
    /// <exception cref="RequestFailedException">The service refused.</exception>
    public virtual async Task<Response<bool>> DeleteIfExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = CreateMessage(RequestMethod.Delete, $"Tables('{Name}')");
        var response = await _pipeline.SendAsync(message, cancellationToken, 204, 404).ConfigureAwait(false);
        return Response.FromValue(response.Status == 204, response);
    }

    /// <summary>Inserts a new entity.</summary>
    /// <param name="entity">The entity; its keys must be valid (no '/', '\', '#', '?', control characters).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The response; its <c>Headers.ETag</c> is the new entity's ETag.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="entity"/> is null.</exception>
    /// <exception cref="ArgumentException">A key is invalid.</exception>
    /// <exception cref="RequestFailedException">
    /// 409 <see cref="StorageErrorCode.EntityAlreadyExists"/> when the entity exists (see
    /// <see cref="RequestFailedExceptionExtensions.IsConflict"/>), or any other refusal.
    /// </exception>
    public virtual async Task<Response> AddEntityAsync(TableEntity entity, CancellationToken cancellationToken = default)
    {
        ValidateEntity(entity);
        using var message = CreateMessage(RequestMethod.Post, Name);
        message.Request.Headers.SetValue("Prefer", "return-no-content");
        SetJsonContent(message, TableEntityJson.Serialize(entity));
        return await _pipeline.SendAsync(message, cancellationToken, 204).ConfigureAwait(false);
    }

    /// <summary>Inserts the entity, or merges/replaces it if it exists (no ETag check).</summary>
    /// <param name="entity">The entity.</param>
    /// <param name="mode">Merge (keep other stored properties) or Replace.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The response; its <c>Headers.ETag</c> is the new ETag.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="entity"/> is null.</exception>
    /// <exception cref="ArgumentException">A key is invalid.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="mode"/> is not defined.</exception>
    /// <exception cref="RequestFailedException">The service refused.</exception>
    public virtual async Task<Response> UpsertEntityAsync(TableEntity entity, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default)
    {
        ValidateEntity(entity);
        using var message = CreateWriteMessage(entity, mode, ifMatch: default);
        return await _pipeline.SendAsync(message, cancellationToken, 204).ConfigureAwait(false);
    }

    /// <summary>Updates an existing entity if its ETag still matches.</summary>
    /// <param name="entity">The entity.</param>
    /// <param name="ifMatch">The ETag read earlier, or <see cref="ETag.All"/> to update whatever is stored. <c>default</c> is refused.</param>
    /// <param name="mode">Merge (keep other stored properties) or Replace.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The response; its <c>Headers.ETag</c> is the new ETag.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="entity"/> is null.</exception>
    /// <exception cref="ArgumentException">A key is invalid or <paramref name="ifMatch"/> is <c>default</c>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="mode"/> is not defined.</exception>
    /// <exception cref="RequestFailedException">
    /// 412 <see cref="StorageErrorCode.UpdateConditionNotSatisfied"/> when someone else wrote first (see
    /// <see cref="RequestFailedExceptionExtensions.IsPreconditionFailed"/>); 404 when the entity does not exist.
    /// </exception>
    public virtual async Task<Response> UpdateEntityAsync(TableEntity entity, ETag ifMatch, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default)
    {
        ValidateEntity(entity);
        RequireETag(ifMatch);
        using var message = CreateWriteMessage(entity, mode, ifMatch);
        return await _pipeline.SendAsync(message, cancellationToken, 204).ConfigureAwait(false);
    }

    /// <summary>Reads one entity.</summary>
    /// <param name="partitionKey">The partition key.</param>
    /// <param name="rowKey">The row key.</param>
    /// <param name="select">Property names to return (all when null).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The entity, with its ETag and Timestamp.</returns>
    /// <exception cref="ArgumentNullException">A key is null.</exception>
    /// <exception cref="ArgumentException">A key is invalid.</exception>
    /// <exception cref="RequestFailedException">404 when the entity (or table) does not exist, or any other refusal.</exception>
    public virtual async Task<Response<TableEntity>> GetEntityAsync(string partitionKey, string rowKey, IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
    {
        using var message = CreateGetMessage(partitionKey, rowKey, select);
        var response = await _pipeline.SendAsync(message, cancellationToken, 200).ConfigureAwait(false);
        return Response.FromValue(ReadEntity(response), response);
    }

    /// <summary>Reads one entity, or null when it does not exist.</summary>
    /// <param name="partitionKey">The partition key.</param>
    /// <param name="rowKey">The row key.</param>
    /// <param name="select">Property names to return (all when null).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The entity, or a null value when there is none.</returns>
    /// <exception cref="ArgumentNullException">A key is null.</exception>
    /// <exception cref="ArgumentException">A key is invalid.</exception>
    /// <exception cref="RequestFailedException">The service refused (including 404 TableNotFound: a missing table is not a missing entity).</exception>
    public virtual async Task<Response<TableEntity?>> GetEntityIfExistsAsync(string partitionKey, string rowKey, IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
    {
        using var message = CreateGetMessage(partitionKey, rowKey, select);
        var response = await _pipeline.SendAsync(message, cancellationToken, 200, 404).ConfigureAwait(false);
        if (response.Status == 404)
        {
            if (StoragePipeline.ErrorCode(response) == StorageErrorCode.TableNotFound)
            {
                throw new RequestFailedException(response, null, StorageErrorParser.Instance);
            }

            return Response.FromValue<TableEntity?>(null, response);
        }

        return Response.FromValue<TableEntity?>(ReadEntity(response), response);
    }

    /// <summary>
    /// Queries entities, following continuation tokens (<c>x-ms-continuation-NextPartitionKey/NextRowKey</c>) lazily,
    /// one page per request. <c>AsPages(token, pageSizeHint)</c> resumes from a token and sets the page size.
    /// </summary>
    /// <param name="filter">An OData <c>$filter</c> (build it with <see cref="ODataFilter.Create"/>), or null for all entities.</param>
    /// <param name="maxPerPage">Entities per page (<c>$top</c>, at most 1,000); null for the service's maximum.</param>
    /// <param name="select">Property names to return (<c>$select</c>); null for all.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>The entities.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxPerPage"/> is not between 1 and 1,000.</exception>
    /// <exception cref="RequestFailedException">Thrown while enumerating when the service refuses a page.</exception>
    public virtual AsyncPageable<TableEntity> QueryAsync(string? filter = null, int? maxPerPage = null, IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
    {
        CheckPageSize(maxPerPage, nameof(maxPerPage));
        var selectList = select?.ToList();
        return new ContinuationPageable<TableEntity>(
            (token, pageSizeHint, ct) =>
            {
                CheckPageSize(pageSizeHint, nameof(pageSizeHint));
                return QueryPageAsync(filter, pageSizeHint ?? maxPerPage, selectList, token, ct);
            },
            cancellationToken);
    }

    /// <summary>Deletes an entity if its ETag matches. Deleting an entity that is not there is not an error.</summary>
    /// <param name="partitionKey">The partition key.</param>
    /// <param name="rowKey">The row key.</param>
    /// <param name="ifMatch">The ETag read earlier, or <see cref="ETag.All"/> to delete whatever is stored. <c>default</c> is refused.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The response: 204 when deleted, 404 when there was nothing to delete.</returns>
    /// <exception cref="ArgumentNullException">A key is null.</exception>
    /// <exception cref="ArgumentException">A key is invalid or <paramref name="ifMatch"/> is <c>default</c>.</exception>
    /// <exception cref="RequestFailedException">412 when the ETag no longer matches; 404 TableNotFound; any other refusal.</exception>
    public virtual async Task<Response> DeleteEntityAsync(string partitionKey, string rowKey, ETag ifMatch, CancellationToken cancellationToken = default)
    {
        var path = Name + TableKeys.EntityPathSegment(TableKeys.Validate(partitionKey, nameof(partitionKey)), TableKeys.Validate(rowKey, nameof(rowKey)));
        RequireETag(ifMatch);
        using var message = CreateMessage(RequestMethod.Delete, path);
        message.Request.Headers.SetValue(HttpHeader.Names.IfMatch, ifMatch.ToString("H"));
        var response = await _pipeline.SendAsync(message, cancellationToken, 204, 404).ConfigureAwait(false);
        if (response.Status == 404 && StoragePipeline.ErrorCode(response) == StorageErrorCode.TableNotFound)
        {
            throw new RequestFailedException(response, null, StorageErrorParser.Instance);
        }

        return response;
    }

    /// <summary>
    /// Runs up to 100 actions on one partition as an atomic entity group transaction: all apply, or none.
    /// </summary>
    /// <param name="actions">The actions (at least one, at most 100, all with the same PartitionKey, each entity once).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>One result per action, in order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actions"/> or an action is null.</exception>
    /// <exception cref="ArgumentException">
    /// No actions, more than 100, more than one partition, the same entity twice, or an invalid key.
    /// </exception>
    /// <exception cref="TableTransactionFailedException">
    /// The service rejected the transaction (nothing applied): Status/ErrorCode of the failing action and its index
    /// in <see cref="TableTransactionFailedException.FailedActionIndex"/>.
    /// </exception>
    /// <exception cref="RequestFailedException">The batch request itself was refused.</exception>
    public virtual async Task<Response<IReadOnlyList<TableTransactionResult>>> SubmitTransactionAsync(IEnumerable<TableTransactionAction> actions, CancellationToken cancellationToken = default)
    {
        var list = ValidateTransaction(actions);
        var tableUri = StoragePipeline.Combine(_endpoint, Name);
        var (contentType, body) = TableTransactionBatch.Build(tableUri, list, Guid.NewGuid(), Guid.NewGuid());
        using var message = CreateMessage(RequestMethod.Post, "$batch");
        message.Request.Headers.SetValue(HttpHeader.Names.ContentType, contentType);
        message.Request.Content = RequestContent.Create(body);
        var response = await _pipeline.SendAsync(message, cancellationToken, 202).ConfigureAwait(false);

        var parts = TableTransactionBatch.Parse(response.Content.ToString());
        var failed = parts.FirstOrDefault(p => p.Status >= 400);
        if (failed is not null)
        {
            throw TransactionFailure(failed, response);
        }

        if (parts.Count != list.Count)
        {
            throw new RequestFailedException(response.Status, $"The transaction response held {parts.Count} results for {list.Count} actions.");
        }

        IReadOnlyList<TableTransactionResult> results = [.. parts.Select(p => new TableTransactionResult(p.Status, TableTransactionBatch.ETagOf(p)))];
        return Response.FromValue(results, response);
    }

    /// <summary>Checks a table name: 3–63 characters, letters and digits, starting with a letter.</summary>
    internal static string ValidateTableName(string tableName)
    {
        ArgumentNullException.ThrowIfNull(tableName);
        if (!TableNamePattern().IsMatch(tableName))
        {
            throw new ArgumentException("A table name is 3–63 letters and digits, starting with a letter.", nameof(tableName));
        }

        return tableName;
    }

    private static List<TableTransactionAction> ValidateTransaction(IEnumerable<TableTransactionAction> actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        var list = actions.ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("A transaction needs at least one action.", nameof(actions));
        }

        if (list.Count > TableTransactionBatch.MaxActions)
        {
            throw new ArgumentException($"A transaction holds at most {TableTransactionBatch.MaxActions} actions; got {list.Count}.", nameof(actions));
        }

        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var action in list)
        {
            if (action is null)
            {
                throw new ArgumentNullException(nameof(actions), "A transaction action is null.");
            }

            ValidateEntity(action.Entity);
            if (action.Entity.PartitionKey != list[0].Entity.PartitionKey)
            {
                throw new ArgumentException("Every action of a transaction must have the same PartitionKey.", nameof(actions));
            }

            if (!keys.Add(action.Entity.RowKey))
            {
                throw new ArgumentException("A transaction may touch each entity only once.", nameof(actions));
            }
        }

        return list;
    }

    private static TableTransactionFailedException TransactionFailure(TableTransactionBatch.Part failed, Response response)
    {
        var (code, serviceMessage) = StorageErrorParser.ParseBody(failed.Body);
        var (index, text) = TableTransactionBatch.SplitIndex(serviceMessage);
        response.Headers.TryGetValue("x-ms-request-id", out var requestId);
        var firstLine = text.Split('\n')[0].Trim();
        var message = $"The entity group transaction was rejected and nothing was applied: action {index?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"} failed with {failed.Status} {code}. {firstLine} RequestId: {requestId}";
        return new TableTransactionFailedException(failed.Status, message, code, index, requestId);
    }

    private async Task<Page<TableEntity>> QueryPageAsync(string? filter, int? top, List<string>? select, string? continuation, CancellationToken cancellationToken)
    {
        var query = new List<string>();
        if (filter is not null)
        {
            query.Add("$filter=" + Uri.EscapeDataString(filter));
        }

        if (top is not null)
        {
            query.Add("$top=" + top.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (select is { Count: > 0 })
        {
            query.Add("$select=" + Uri.EscapeDataString(string.Join(',', select)));
        }

        if (continuation is not null)
        {
            var (nextPartitionKey, nextRowKey) = TableContinuationToken.Parse(continuation);
            query.Add("NextPartitionKey=" + Uri.EscapeDataString(nextPartitionKey));
            if (nextRowKey is not null)
            {
                query.Add("NextRowKey=" + Uri.EscapeDataString(nextRowKey));
            }
        }

        var path = Name + "()" + (query.Count > 0 ? "?" + string.Join('&', query) : string.Empty);
        using var message = CreateMessage(RequestMethod.Get, path);
        var response = await _pipeline.SendAsync(message, cancellationToken, 200).ConfigureAwait(false);
        using var document = JsonDocument.Parse(response.Content.ToMemory());
        var entities = document.RootElement.GetProperty("value").EnumerateArray().Select(TableEntityJson.Read).ToList();
        response.Headers.TryGetValue("x-ms-continuation-NextPartitionKey", out var nextPk);
        response.Headers.TryGetValue("x-ms-continuation-NextRowKey", out var nextRk);
        return Page<TableEntity>.FromValues(entities, nextPk is null ? null : TableContinuationToken.Format(nextPk, nextRk), response);
    }

    private HttpMessage CreateGetMessage(string partitionKey, string rowKey, IEnumerable<string>? select)
    {
        var path = Name + TableKeys.EntityPathSegment(TableKeys.Validate(partitionKey, nameof(partitionKey)), TableKeys.Validate(rowKey, nameof(rowKey)));
        var selectList = select?.ToList();
        if (selectList is { Count: > 0 })
        {
            path += "?$select=" + Uri.EscapeDataString(string.Join(',', selectList));
        }

        return CreateMessage(RequestMethod.Get, path);
    }

    private HttpMessage CreateWriteMessage(TableEntity entity, TableUpdateMode mode, ETag ifMatch)
    {
        var method = mode switch
        {
            TableUpdateMode.Merge => new RequestMethod("MERGE"),
            TableUpdateMode.Replace => RequestMethod.Put,
            _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown update mode."),
        };
        var message = CreateMessage(method, Name + TableKeys.EntityPathSegment(entity.PartitionKey, entity.RowKey));
        if (ifMatch != default)
        {
            message.Request.Headers.SetValue(HttpHeader.Names.IfMatch, ifMatch.ToString("H"));
        }

        SetJsonContent(message, TableEntityJson.Serialize(entity));
        return message;
    }

    private HttpMessage CreateMessage(RequestMethod method, string escapedPathAndQuery)
    {
        var message = _pipeline.CreateMessage(method, StoragePipeline.Combine(_endpoint, escapedPathAndQuery));
        message.Request.Headers.SetValue(HttpHeader.Names.Accept, JsonAccept);
        message.Request.Headers.SetValue("DataServiceVersion", "3.0");
        message.Request.Headers.SetValue("MaxDataServiceVersion", "3.0;NetFx");
        return message;
    }

    private static void SetJsonContent(HttpMessage message, byte[] json)
    {
        message.Request.Headers.SetValue(HttpHeader.Names.ContentType, "application/json");
        message.Request.Content = RequestContent.Create(json);
    }

    private static TableEntity ReadEntity(Response response)
    {
        using var document = JsonDocument.Parse(response.Content.ToMemory());
        var entity = TableEntityJson.Read(document.RootElement);
        if (response.Headers.ETag is { } etag)
        {
            entity.ETag = etag;
        }

        return entity;
    }

    private static void ValidateEntity(TableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        TableKeys.Validate(entity.PartitionKey, nameof(entity));
        TableKeys.Validate(entity.RowKey, nameof(entity));
    }

    private static void RequireETag(ETag ifMatch)
    {
        if (ifMatch == default)
        {
            throw new ArgumentException("An explicit ETag is required (ETag.All to match any stored entity).", nameof(ifMatch));
        }
    }

    private static void CheckPageSize(int? size, string parameterName)
    {
        if (size is < 1 or > 1000)
        {
            throw new ArgumentOutOfRangeException(parameterName, size, "A page holds 1 to 1,000 entities.");
        }
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{2,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex TableNamePattern();
}
