using Azure.Core;
using Azure.Core.Pipeline;

namespace ContinuityOfCare.Storage.Pipeline;

/// <summary>Signs Table requests with the Table service's Shared Key scheme (date + resource with <c>?comp=</c> only).</summary>
internal sealed class TableSharedKeyPolicy(StorageSharedKeyCredential credential) : HttpPipelineSynchronousPolicy
{
    /// <inheritdoc />
    public override void OnSendingRequest(HttpMessage message)
    {
        var stringToSign = SharedKeyCanonicalizer.TableStringToSign(SharedKeyRequests.From(message.Request), credential.AccountName);
        message.Request.Headers.SetValue(HttpHeader.Names.Authorization, $"SharedKey {credential.AccountName}:{credential.ComputeHmacSha256(stringToSign)}");
    }
}
