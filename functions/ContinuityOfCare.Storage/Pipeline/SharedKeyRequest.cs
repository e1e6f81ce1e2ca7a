namespace ContinuityOfCare.Storage.Pipeline;

/// <summary>The parts of an HTTP request that Shared Key signing reads, separated from Azure.Core for unit tests.</summary>
/// <param name="Method">The HTTP method, e.g. <c>PUT</c>.</param>
/// <param name="Uri">The request URI exactly as it is sent (escaped path and query).</param>
/// <param name="Headers">The request headers (any case).</param>
/// <param name="ContentLength">The body length in bytes, or null when there is no body.</param>
internal sealed record SharedKeyRequest(string Method, Uri Uri, IReadOnlyList<KeyValuePair<string, string>> Headers, long? ContentLength)
{
    /// <summary>The value of the first header named <paramref name="name"/> (case-insensitive), or the empty string.</summary>
    public string Header(string name)
    {
        foreach (var (key, value) in Headers)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        return string.Empty;
    }
}
