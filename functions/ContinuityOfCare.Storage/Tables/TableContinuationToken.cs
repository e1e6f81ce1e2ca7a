namespace ContinuityOfCare.Storage.Tables;

/// <summary>
/// The single opaque string a query page hands back as its continuation token, made of the service's two headers
/// (<c>x-ms-continuation-NextPartitionKey</c> and <c>-NextRowKey</c>, themselves opaque and space-free).
/// </summary>
internal static class TableContinuationToken
{
    /// <summary>Joins the two service tokens.</summary>
    public static string Format(string nextPartitionKey, string? nextRowKey) =>
        nextRowKey is null ? nextPartitionKey : nextPartitionKey + " " + nextRowKey;

    /// <summary>Splits a token made by <see cref="Format"/>.</summary>
    /// <exception cref="ArgumentException">The token is empty.</exception>
    public static (string NextPartitionKey, string? NextRowKey) Parse(string token)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        var space = token.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? (token, null) : (token[..space], token[(space + 1)..]);
    }
}
