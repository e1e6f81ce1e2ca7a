using Azure.Core;
using Azure.Core.Pipeline;

namespace ContinuityOfCare.Storage.Pipeline;

/// <summary>Sets the <c>x-ms-version</c> header, the REST API version the client speaks.</summary>
internal sealed class StorageVersionPolicy(string version) : HttpPipelineSynchronousPolicy
{
    /// <inheritdoc />
    public override void OnSendingRequest(HttpMessage message) => message.Request.Headers.SetValue("x-ms-version", version);
}
