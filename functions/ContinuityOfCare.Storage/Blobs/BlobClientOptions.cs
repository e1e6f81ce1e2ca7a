using Azure.Core;

namespace ContinuityOfCare.Storage.Blobs;

/// <summary>Options for <see cref="BlobContainerClient"/> and <see cref="BlobClient"/>: retries, logging and transport from Azure.Core.</summary>
public sealed class BlobClientOptions : ClientOptions
{
    /// <summary>The Blob service REST API version sent as <c>x-ms-version</c>.</summary>
    public const string ServiceVersion = "2021-12-02";

    /// <summary>How often <see cref="BlobClient.CopyToAsync"/> polls a pending copy; 1 second unless set.</summary>
    public TimeSpan CopyPollInterval { get; set; } = TimeSpan.FromSeconds(1);
}
