using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace ContinuityOfCare.Storage.Pipeline;

/// <summary>
/// An Azure.Core <see cref="HttpPipeline"/> for one storage service plus the request helpers every client shares.
/// Retries, network timeout, logging and transport come from the client's <see cref="ClientOptions"/>.
/// </summary>
internal sealed class StoragePipeline
{
    /// <summary>The OAuth scope for Azure Storage data-plane tokens.</summary>
    public const string StorageScope = "https://storage.azure.com/.default";

    private StoragePipeline(HttpPipeline pipeline) => Pipeline = pipeline;

    /// <summary>The underlying pipeline.</summary>
    public HttpPipeline Pipeline { get; }

    /// <summary>A pipeline signing Blob/Queue requests with Shared Key.</summary>
    public static StoragePipeline ForBlobQueue(ClientOptions options, string apiVersion, StorageSharedKeyCredential credential) =>
        Build(options, apiVersion, new BlobQueueSharedKeyPolicy(credential));

    /// <summary>A pipeline signing Table requests with the Table Shared Key scheme.</summary>
    public static StoragePipeline ForTable(ClientOptions options, string apiVersion, StorageSharedKeyCredential credential) =>
        Build(options, apiVersion, new TableSharedKeyPolicy(credential));

    /// <summary>A pipeline authorising with Entra ID bearer tokens for the storage scope.</summary>
    public static StoragePipeline ForToken(ClientOptions options, string apiVersion, TokenCredential credential) =>
        Build(options, apiVersion, new BearerTokenAuthenticationPolicy(credential, StorageScope));

    private static StoragePipeline Build(ClientOptions options, string apiVersion, HttpPipelinePolicy authentication)
    {
        foreach (var header in (string[])["x-ms-error-code", "x-ms-version", "x-ms-date", "x-ms-request-id", "x-ms-approximate-messages-count", "x-ms-copy-status", "x-ms-lease-state", "x-ms-blob-type"])
        {
            if (!options.Diagnostics.LoggedHeaderNames.Contains(header))
            {
                options.Diagnostics.LoggedHeaderNames.Add(header);
            }
        }

        return new StoragePipeline(HttpPipelineBuilder.Build(
            options,
            [new StorageVersionPolicy(apiVersion)],
            [new StorageDatePolicy(TimeProvider.System), authentication],
            new ResponseClassifier()));
    }

    /// <summary>A new message for <paramref name="method"/> on <paramref name="uri"/> (already escaped).</summary>
    public HttpMessage CreateMessage(RequestMethod method, Uri uri)
    {
        var message = Pipeline.CreateMessage();
        message.Request.Method = method;
        message.Request.Uri.Reset(uri);
        return message;
    }

    /// <summary>
    /// Sends <paramref name="message"/> and returns its response when the status is one of
    /// <paramref name="expectedStatuses"/>.
    /// </summary>
    /// <exception cref="RequestFailedException">Any other status: carries Status, ErrorCode and the request id.</exception>
    public async Task<Response> SendAsync(HttpMessage message, CancellationToken cancellationToken, params int[] expectedStatuses)
    {
        await Pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        var response = message.Response;
        if (Array.IndexOf(expectedStatuses, response.Status) < 0)
        {
            throw new RequestFailedException(response, null, StorageErrorParser.Instance);
        }

        return response;
    }

    /// <summary>The storage error code of a response: the <c>x-ms-error-code</c> header, else the body's code.</summary>
    public static string? ErrorCode(Response response) =>
        response.Headers.TryGetValue("x-ms-error-code", out var code) ? code : StorageErrorParser.ParseBody(response).Code;

    /// <summary>An absolute URI from a service endpoint and an already-escaped relative path and query.</summary>
    public static Uri Combine(Uri endpoint, string escapedPathAndQuery) =>
        new(endpoint.AbsoluteUri.TrimEnd('/') + "/" + escapedPathAndQuery);
}
