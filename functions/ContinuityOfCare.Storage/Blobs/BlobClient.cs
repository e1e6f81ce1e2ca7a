using Azure;
using Azure.Core;
using ContinuityOfCare.Storage.Pipeline;

namespace ContinuityOfCare.Storage.Blobs;

/// <summary>
/// A client for one block blob: upload (single Put Blob), streamed download, properties, metadata, delete, copy/move
/// within the account, and leases. Get one from <see cref="BlobContainerClient.GetBlobClient"/>.
/// </summary>
public class BlobClient
{
    /// <summary>The largest upload this client sends in one Put Blob request (256 MiB); it does no block-list uploads.</summary>
    public const long MaxUploadBytes = 256L * 1024 * 1024;

    private readonly StoragePipeline _pipeline = null!;
    private readonly BlobClientOptions _options = null!;

    internal BlobClient(BlobContainerClient container, StoragePipeline pipeline, BlobClientOptions options, string blobName)
    {
        Name = StorageNames.ValidateBlobName(blobName, nameof(blobName));
        BlobContainerName = container.Name;
        Uri = new Uri(container.Uri.AbsoluteUri + "/" + StorageNames.EscapeBlobPath(blobName));
        _pipeline = pipeline;
        _options = options;
    }

    /// <summary>For substitution in tests.</summary>
    protected BlobClient()
    {
        Name = string.Empty;
        BlobContainerName = string.Empty;
        Uri = new Uri("http://localhost/");
    }

    /// <summary>The blob name.</summary>
    public virtual string Name { get; }

    /// <summary>The name of the blob's container.</summary>
    public virtual string BlobContainerName { get; }

    /// <summary>The blob URI (name percent-encoded per path segment).</summary>
    public virtual Uri Uri { get; }

    internal StoragePipeline Pipeline => _pipeline;

    /// <summary>A lease client for this blob.</summary>
    /// <param name="leaseId">An existing lease id to renew/release/break, or null to propose a new random one on acquire.</param>
    /// <returns>The lease client.</returns>
    public virtual BlobLeaseClient GetBlobLeaseClient(string? leaseId = null) => new(this, leaseId);

    /// <summary>Whether the blob exists.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>True if it exists.</returns>
    /// <exception cref="RequestFailedException">The service refused (other than 404).</exception>
    public virtual async Task<Response<bool>> ExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = _pipeline.CreateMessage(RequestMethod.Head, Uri);
        var response = await _pipeline.SendAsync(message, cancellationToken, 200, 404).ConfigureAwait(false);
        return Response.FromValue(response.Status == 200, response);
    }

    /// <summary>Uploads the stream as the blob's content; overwrites unless <paramref name="overwrite"/> is false.</summary>
    /// <param name="content">The content, read from its current position (at most <see cref="MaxUploadBytes"/>).</param>
    /// <param name="overwrite">False for create-only (<c>If-None-Match: *</c>).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The new ETag and time.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="content"/> is null.</exception>
    /// <exception cref="ArgumentException">The content is larger than <see cref="MaxUploadBytes"/>.</exception>
    /// <exception cref="RequestFailedException">409 <see cref="StorageErrorCode.BlobAlreadyExists"/> for create-only on an existing blob; 412 for a leased blob; any other refusal.</exception>
    public virtual Task<Response<BlobContentInfo>> UploadAsync(Stream content, bool overwrite, CancellationToken cancellationToken = default) =>
        UploadAsync(content, overwrite ? null : new BlobUploadOptions { Conditions = new() { IfNoneMatch = ETag.All } }, cancellationToken);

    /// <summary>
    /// Uploads the stream as the blob's content in one Put Blob request. With no conditions an existing blob is
    /// overwritten; set <c>Conditions.IfNoneMatch = ETag.All</c> for create-only.
    /// </summary>
    /// <param name="content">The content, read from its current position (at most <see cref="MaxUploadBytes"/>).</param>
    /// <param name="options">Content type, metadata and conditions (lease id, ETags).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The new ETag and time.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="content"/> is null.</exception>
    /// <exception cref="ArgumentException">The content is too large, or metadata is invalid.</exception>
    /// <exception cref="RequestFailedException">
    /// 409 <see cref="StorageErrorCode.BlobAlreadyExists"/> (create-only), 412 ConditionNotMet / LeaseIdMissing, or any other refusal.
    /// </exception>
    public virtual async Task<Response<BlobContentInfo>> UploadAsync(Stream content, BlobUploadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (options?.Metadata is { } metadata)
        {
            StorageNames.ValidateMetadata(metadata, nameof(options));
        }

        var body = await SizedContentAsync(content, cancellationToken).ConfigureAwait(false);
        using var message = _pipeline.CreateMessage(RequestMethod.Put, Uri);
        message.Request.Headers.SetValue("x-ms-blob-type", "BlockBlob");
        if (options?.ContentType is { } contentType)
        {
            message.Request.Headers.SetValue("x-ms-blob-content-type", contentType);
        }

        SetMetadata(message, options?.Metadata);
        ApplyConditions(message, options?.Conditions);
        message.Request.Content = RequestContent.Create(body);
        var response = await _pipeline.SendAsync(message, cancellationToken, 201).ConfigureAwait(false);
        return Response.FromValue(new BlobContentInfo(response.Headers.ETag ?? default, BlobResponseHeaders.LastModified(response)), response);
    }

    /// <summary>Downloads the blob as a stream read straight from the network (not buffered in memory).</summary>
    /// <param name="conditions">Optional ETag/lease conditions.</param>
    /// <param name="cancellationToken">Cancels the request (reading the stream takes its own token).</param>
    /// <returns>The content stream and properties; dispose it.</returns>
    /// <exception cref="RequestFailedException">404 BlobNotFound, 412 ConditionNotMet, or any other refusal.</exception>
    public virtual async Task<Response<BlobDownloadResult>> DownloadStreamingAsync(BlobRequestConditions? conditions = null, CancellationToken cancellationToken = default)
    {
        using var message = _pipeline.CreateMessage(RequestMethod.Get, Uri);
        message.BufferResponse = false;
        ApplyConditions(message, conditions);
        await _pipeline.Pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        var response = message.Response;
        if (response.Status != 200)
        {
            // Buffer the (small) error body so the exception can carry its code and message.
            if (response.ContentStream is { } errorStream)
            {
                var buffered = new MemoryStream();
                await errorStream.CopyToAsync(buffered, cancellationToken).ConfigureAwait(false);
                buffered.Position = 0;
                response.ContentStream = buffered;
            }

            throw new RequestFailedException(response, null, StorageErrorParser.Instance);
        }

        var stream = message.ExtractResponseContent() ?? Stream.Null;
        return Response.FromValue(new BlobDownloadResult(stream, BlobResponseHeaders.Properties(response)), response);
    }

    /// <summary>The blob's properties and metadata.</summary>
    /// <param name="conditions">Optional ETag/lease conditions.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The properties.</returns>
    /// <exception cref="RequestFailedException">404 (no error body on HEAD; ErrorCode from the header), 412, or any other refusal.</exception>
    public virtual async Task<Response<BlobProperties>> GetPropertiesAsync(BlobRequestConditions? conditions = null, CancellationToken cancellationToken = default)
    {
        using var message = _pipeline.CreateMessage(RequestMethod.Head, Uri);
        ApplyConditions(message, conditions);
        var response = await _pipeline.SendAsync(message, cancellationToken, 200).ConfigureAwait(false);
        return Response.FromValue(BlobResponseHeaders.Properties(response), response);
    }

    /// <summary>Replaces the blob's metadata.</summary>
    /// <param name="metadata">The new metadata (names C# identifiers, values printable ASCII); empty clears it.</param>
    /// <param name="conditions">Optional ETag/lease conditions (the lease id is required on a leased blob).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The new ETag and time.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="metadata"/> is null.</exception>
    /// <exception cref="ArgumentException">A metadata name or value is invalid.</exception>
    /// <exception cref="RequestFailedException">404, 412, or any other refusal.</exception>
    public virtual async Task<Response<BlobContentInfo>> SetMetadataAsync(IReadOnlyDictionary<string, string> metadata, BlobRequestConditions? conditions = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        StorageNames.ValidateMetadata(metadata, nameof(metadata));
        using var message = _pipeline.CreateMessage(RequestMethod.Put, new Uri(Uri.AbsoluteUri + "?comp=metadata"));
        SetMetadata(message, metadata);
        ApplyConditions(message, conditions);
        var response = await _pipeline.SendAsync(message, cancellationToken, 200).ConfigureAwait(false);
        return Response.FromValue(new BlobContentInfo(response.Headers.ETag ?? default, BlobResponseHeaders.LastModified(response)), response);
    }

    /// <summary>Deletes the blob (and its snapshots) if it exists.</summary>
    /// <param name="conditions">Optional ETag/lease conditions (the lease id is required on a leased blob).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>True if deleted, false if there was none.</returns>
    /// <exception cref="RequestFailedException">412 (lease or ETag condition), or any other refusal.</exception>
    public virtual async Task<Response<bool>> DeleteIfExistsAsync(BlobRequestConditions? conditions = null, CancellationToken cancellationToken = default)
    {
        using var message = _pipeline.CreateMessage(RequestMethod.Delete, Uri);
        message.Request.Headers.SetValue("x-ms-delete-snapshots", "include");
        ApplyConditions(message, conditions);
        var response = await _pipeline.SendAsync(message, cancellationToken, 202, 404).ConfigureAwait(false);
        if (response.Status == 404 && StoragePipeline.ErrorCode(response) == StorageErrorCode.ContainerNotFound)
        {
            return Response.FromValue(false, response);
        }

        return Response.FromValue(response.Status == 202, response);
    }

    /// <summary>
    /// Copies this blob to <paramref name="destination"/> (same account, any container) with Copy Blob, waiting
    /// (polling every <see cref="BlobClientOptions.CopyPollInterval"/>) until the copy succeeds. The destination is
    /// overwritten; the copy is of this blob's current version (its ETag is pinned with <c>x-ms-source-if-match</c>).
    /// </summary>
    /// <param name="destination">The destination blob.</param>
    /// <param name="cancellationToken">Cancels the request and the polling.</param>
    /// <returns>The destination's properties after the copy.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="destination"/> is null.</exception>
    /// <exception cref="RequestFailedException">404 for a missing source, 412 if the source changed meanwhile, a failed or aborted copy, or any other refusal.</exception>
    public virtual async Task<Response<BlobProperties>> CopyToAsync(BlobClient destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var source = await GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        return await CopyVersionToAsync(destination, source.Value.ETag, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Moves this blob to <paramref name="destination"/>: copies it (<see cref="CopyToAsync(BlobClient, CancellationToken)"/>) and then
    /// deletes the source only if it is still the version that was copied.
    /// </summary>
    /// <param name="destination">The destination blob.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The destination's properties.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="destination"/> is null.</exception>
    /// <exception cref="RequestFailedException">
    /// The copy failed, or the source changed between copy and delete (412: the destination then holds the copied
    /// version and the newer source stays), or any other refusal.
    /// </exception>
    public virtual async Task<Response<BlobProperties>> MoveToAsync(BlobClient destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var source = await GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        var copied = await CopyVersionToAsync(destination, source.Value.ETag, cancellationToken).ConfigureAwait(false);
        await DeleteIfExistsAsync(new BlobRequestConditions { IfMatch = source.Value.ETag }, cancellationToken).ConfigureAwait(false);
        return copied;
    }

    private async Task<Response<BlobProperties>> CopyVersionToAsync(BlobClient destination, ETag sourceETag, CancellationToken cancellationToken)
    {
        using (var message = destination._pipeline.CreateMessage(RequestMethod.Put, destination.Uri))
        {
            message.Request.Headers.SetValue("x-ms-copy-source", Uri.AbsoluteUri);
            message.Request.Headers.SetValue("x-ms-source-if-match", sourceETag.ToString("H"));
            var started = await destination._pipeline.SendAsync(message, cancellationToken, 202).ConfigureAwait(false);
            started.Headers.TryGetValue("x-ms-copy-status", out var status);
            if (status == "success")
            {
                return await destination.GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            }
        }

        while (true)
        {
            var properties = await destination.GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            switch (properties.Value.CopyStatus)
            {
                case "success":
                    return properties;
                case "pending":
                    await Task.Delay(_options.CopyPollInterval, cancellationToken).ConfigureAwait(false);
                    break;
                default:
                    throw new RequestFailedException(properties.GetRawResponse().Status, $"The copy ended with status '{properties.Value.CopyStatus}'.", "CopyFailed", null);
            }
        }
    }

    private static async Task<Stream> SizedContentAsync(Stream content, CancellationToken cancellationToken)
    {
        if (content.CanSeek)
        {
            if (content.Length - content.Position > MaxUploadBytes)
            {
                throw new ArgumentException($"The content is larger than {MaxUploadBytes} bytes.", nameof(content));
            }

            return content;
        }

        // Put Blob needs a Content-Length: buffer a non-seekable stream, refusing anything over the limit.
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxUploadBytes)
            {
                await buffer.DisposeAsync().ConfigureAwait(false);
                throw new ArgumentException($"The content is larger than {MaxUploadBytes} bytes.", nameof(content));
            }

            buffer.Write(chunk, 0, read);
        }

        buffer.Position = 0;
        return buffer;
    }

    private static void SetMetadata(HttpMessage message, IReadOnlyDictionary<string, string>? metadata)
    {
        foreach (var (name, value) in metadata ?? new Dictionary<string, string>())
        {
            message.Request.Headers.SetValue("x-ms-meta-" + name, value);
        }
    }

    internal static void ApplyConditions(HttpMessage message, BlobRequestConditions? conditions)
    {
        if (conditions is null)
        {
            return;
        }

        if (conditions.IfMatch is { } ifMatch)
        {
            message.Request.Headers.SetValue(HttpHeader.Names.IfMatch, ifMatch.ToString("H"));
        }

        if (conditions.IfNoneMatch is { } ifNoneMatch)
        {
            message.Request.Headers.SetValue(HttpHeader.Names.IfNoneMatch, ifNoneMatch.ToString("H"));
        }

        if (conditions.LeaseId is { } leaseId)
        {
            message.Request.Headers.SetValue("x-ms-lease-id", leaseId);
        }
    }
}
