using Azure.Core;

namespace ContinuityOfCare.Storage.Pipeline;

/// <summary>Reads an Azure.Core <see cref="Request"/> into the <see cref="SharedKeyRequest"/> that signing needs.</summary>
internal static class SharedKeyRequests
{
    /// <summary>Snapshot of the request as it will go on the wire.</summary>
    public static SharedKeyRequest From(Request request)
    {
        long? length = request.Content is not null && request.Content.TryComputeLength(out var computed) ? computed : null;
        var headers = request.Headers.Select(h => new KeyValuePair<string, string>(h.Name, h.Value)).ToList();
        return new SharedKeyRequest(request.Method.Method, request.Uri.ToUri(), headers, length);
    }
}
