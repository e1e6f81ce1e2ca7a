using System.Globalization;
using Azure.Core;
using Azure.Core.Pipeline;

namespace ContinuityOfCare.Storage.Pipeline;

/// <summary>Stamps <c>x-ms-date</c> (RFC 1123) on every attempt: Shared Key signatures are only valid for 15 minutes.</summary>
internal sealed class StorageDatePolicy(TimeProvider timeProvider) : HttpPipelineSynchronousPolicy
{
    /// <inheritdoc />
    public override void OnSendingRequest(HttpMessage message) =>
        message.Request.Headers.SetValue("x-ms-date", timeProvider.GetUtcNow().ToString("R", CultureInfo.InvariantCulture));
}
