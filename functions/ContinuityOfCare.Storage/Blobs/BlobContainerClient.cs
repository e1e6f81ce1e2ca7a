using System.Globalization;
using System.Xml.Linq;
using Azure;
using Azure.Core;
using ContinuityOfCare.Storage.Pipeline;

namespace ContinuityOfCare.Storage.Blobs;

/// <summary>
/// A client for one blob container: create/delete it, list blobs by prefix (paged) and hand out
/// <see cref="BlobClient"/>s. Every failure is a <see cref="RequestFailedException"/>.
/// </summary>
public class BlobContainerClient
{
    private readonly StoragePipeline _pipeline = null!;
    private readonly BlobClientOptions _options = null!;

    /// <summary>Creates a client from a connection string (Shared Key).</summary>
    /// <param name="connectionString">An Azure Storage connection string.</param>
    /// <param name="containerName">The container name: 3–63 lower-case letters, digits and single hyphens.</param>
    /// <param name="options">Retry, logging and transport options.</param>
    /// <exception cref="ArgumentNullException">A required argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="containerName"/> is not a valid container name.</exception>
    /// <exception cref="FormatException">The connection string is invalid or has no blob endpoint.</exception>
    public BlobContainerClient(string connectionString, string containerName, BlobClientOptions? options = null)
        : this(StorageConnectionString.Parse(connectionString), containerName, options ?? new())
    {
    }

    /// <summary>Creates a client authorised by Entra ID tokens.</summary>
    /// <param name="containerUri">The container URI, e.g. <c>https://account.blob.core.windows.net/inbox</c> (https required).</param>
    /// <param name="credential">The token credential, e.g. <c>DefaultAzureCredential</c>.</param>
    /// <param name="options">Retry, logging and transport options.</param>
    /// <exception cref="ArgumentNullException">A required argument is null.</exception>
    /// <exception cref="ArgumentException">The URI's last segment is not a valid container name.</exception>
    public BlobContainerClient(Uri containerUri, TokenCredential credential, BlobClientOptions? options = null)
        : this(containerUri, options ?? new(), o => StoragePipeline.ForToken(o, BlobClientOptions.ServiceVersion, credential ?? throw new ArgumentNullException(nameof(credential))))
    {
    }

    /// <summary>Creates a client authorised with an account key.</summary>
    /// <param name="containerUri">The container URI (for Azurite, path-style <c>http://127.0.0.1:10000/devstoreaccount1/inbox</c>).</param>
    /// <param name="credential">The account name and key.</param>
    /// <param name="options">Retry, logging and transport options.</param>
    /// <exception cref="ArgumentNullException">A required argument is null.</exception>
    /// <exception cref="ArgumentException">The URI's last segment is not a valid container name.</exception>
    public BlobContainerClient(Uri containerUri, StorageSharedKeyCredential credential, BlobClientOptions? options = null)
        : this(containerUri, options ?? new(), o => StoragePipeline.ForBlobQueue(o, BlobClientOptions.ServiceVersion, credential ?? throw new ArgumentNullException(nameof(credential))))
    {
    }

    /// <summary>For substitution in tests.</summary>
    protected BlobContainerClient()
    {
        Name = string.Empty;
        Uri = new Uri("http://localhost/");
    }

    private BlobContainerClient(StorageConnectionString connectionString, string containerName, BlobClientOptions options)
        : this(
            StoragePipeline.Combine(
                connectionString.BlobEndpoint ?? throw new FormatException("The connection string has no blob endpoint."),
                StorageNames.ValidateLowerCaseName(containerName, nameof(containerName))),
            options,
            o => StoragePipeline.ForBlobQueue(o, BlobClientOptions.ServiceVersion, connectionString.Credential))
    {
    }

    private BlobContainerClient(Uri containerUri, BlobClientOptions options, Func<BlobClientOptions, StoragePipeline> pipeline)
    {
        ArgumentNullException.ThrowIfNull(containerUri);
        Uri = new Uri(containerUri.AbsoluteUri.TrimEnd('/'));
        Name = StorageNames.ValidateLowerCaseName(Uri.Segments[^1], "containerUri");
        _options = options;
        _pipeline = pipeline(options);
    }

    /// <summary>The container name.</summary>
    public virtual string Name { get; }

    /// <summary>The container URI.</summary>
    public virtual Uri Uri { get; }

    /// <summary>A client for one blob in this container (no request is made).</summary>
    /// <param name="blobName">The blob name: 1–1,024 characters; '/' makes virtual folders; no '.'/'..' segments.</param>
    /// <returns>The blob client.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="blobName"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="blobName"/> is not a valid blob name.</exception>
    public virtual BlobClient GetBlobClient(string blobName) => new(this, _pipeline, _options, blobName);

    /// <summary>Creates the container (private access) unless it exists.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>True if created now, false if it existed.</returns>
    /// <exception cref="RequestFailedException">The service refused (e.g. 409 ContainerBeingDeleted).</exception>
    public virtual async Task<Response<bool>> CreateIfNotExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = _pipeline.CreateMessage(RequestMethod.Put, Child("?restype=container"));
        var response = await _pipeline.SendAsync(message, cancellationToken, 201, 409).ConfigureAwait(false);
        if (response.Status == 409 && StoragePipeline.ErrorCode(response) != "ContainerAlreadyExists")
        {
            throw new RequestFailedException(response, null, StorageErrorParser.Instance);
        }

        return Response.FromValue(response.Status == 201, response);
    }

    /// <summary>Deletes the container and its blobs, if it exists.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>True if deleted, false if there was none.</returns>
    /// <exception cref="RequestFailedException">The service refused (e.g. the container is leased).</exception>
    public virtual async Task<Response<bool>> DeleteIfExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = _pipeline.CreateMessage(RequestMethod.Delete, Child("?restype=container"));
        var response = await _pipeline.SendAsync(message, cancellationToken, 202, 404).ConfigureAwait(false);
        return Response.FromValue(response.Status == 202, response);
    }

    /// <summary>
    /// Lists blobs (with metadata) whose names start with <paramref name="prefix"/>, in name order, one page per
    /// request following the service's marker. <c>AsPages(marker, pageSizeHint)</c> sets <c>maxresults</c> (1–5,000).
    /// </summary>
    /// <param name="prefix">The name prefix, e.g. <c>"2024/03/"</c>; null for all blobs.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>The blobs.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Thrown while enumerating when a page size hint is not 1–5,000.</exception>
    /// <exception cref="RequestFailedException">Thrown while enumerating when the service refuses a page (e.g. 404 ContainerNotFound).</exception>
    public virtual AsyncPageable<BlobItem> GetBlobsAsync(string? prefix = null, CancellationToken cancellationToken = default) =>
        new ContinuationPageable<BlobItem>((marker, pageSize, ct) => ListPageAsync(prefix, marker, pageSize, ct), cancellationToken);

    private async Task<Page<BlobItem>> ListPageAsync(string? prefix, string? marker, int? pageSize, CancellationToken cancellationToken)
    {
        if (pageSize is < 1 or > 5000)
        {
            throw new ArgumentOutOfRangeException(nameof(pageSize), pageSize, "A page holds 1 to 5,000 blobs.");
        }

        var query = "?restype=container&comp=list&include=metadata";
        if (prefix is not null)
        {
            query += "&prefix=" + Uri.EscapeDataString(prefix);
        }

        if (marker is not null)
        {
            query += "&marker=" + Uri.EscapeDataString(marker);
        }

        if (pageSize is not null)
        {
            query += "&maxresults=" + pageSize.Value.ToString(CultureInfo.InvariantCulture);
        }

        using var message = _pipeline.CreateMessage(RequestMethod.Get, Child(query));
        var response = await _pipeline.SendAsync(message, cancellationToken, 200).ConfigureAwait(false);
        var root = XDocument.Parse(response.Content.ToString()).Root ?? throw new FormatException("Empty blob listing.");
        var items = root.Element("Blobs")?.Elements("Blob").Select(ReadItem).ToList() ?? [];
        var next = root.Element("NextMarker")?.Value;
        return Page<BlobItem>.FromValues(items, string.IsNullOrEmpty(next) ? null : next, response);
    }

    private static BlobItem ReadItem(XElement blob)
    {
        var nameElement = blob.Element("Name") ?? throw new FormatException("A listed blob has no name.");
        var name = (string?)nameElement.Attribute("Encoded") == "true" ? Uri.UnescapeDataString(nameElement.Value) : nameElement.Value;
        var properties = blob.Element("Properties");
        string? Property(string key) => properties?.Element(key)?.Value;
        var metadata = blob.Element("Metadata")?.Elements().ToDictionary(e => e.Name.LocalName, e => e.Value, StringComparer.OrdinalIgnoreCase)
            ?? new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        return new BlobItem(
            name,
            long.Parse(Property("Content-Length") ?? "0", CultureInfo.InvariantCulture),
            string.IsNullOrEmpty(Property("Content-Type")) ? null : Property("Content-Type"),
            new ETag(Property("Etag") ?? string.Empty),
            Property("Last-Modified") is { } modified ? DateTimeOffset.ParseExact(modified, "R", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal) : default,
            metadata);
    }

    private Uri Child(string escapedSuffix) => new(Uri.AbsoluteUri + escapedSuffix);
}
