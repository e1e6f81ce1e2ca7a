using Azure.Core;
using Azure.Core.Pipeline;

namespace ContinuityOfCare.Storage.Pipeline;

/// <summary>Signs Blob and Queue requests with Shared Key (full canonicalized headers and resource).</summary>
/// <remarks>Runs per retry, after <see cref="StorageDatePolicy"/>, so every attempt carries a fresh date and signature.</remarks>
internal sealed class BlobQueueSharedKeyPolicy(StorageSharedKeyCredential credential) : HttpPipelineSynchronousPolicy
{
    /// <inheritdoc />
    public override void OnSendingRequest(HttpMessage message)
    {
        var stringToSign = SharedKeyCanonicalizer.BlobQueueStringToSign(SharedKeyRequests.From(message.Request), credential.AccountName);
        message.Request.Headers.SetValue(HttpHeader.Names.Authorization, $"SharedKey {credential.AccountName}:{credential.ComputeHmacSha256(stringToSign)}");
    }
}
