namespace ContinuityOfCare.Storage.Tables;

/// <summary>
/// Validation and URL formatting of PartitionKey/RowKey values ("Understanding the Table service data model":
/// '/', '\', '#', '?' and control characters are not allowed in keys; a key is at most 1 KiB).
/// </summary>
internal static class TableKeys
{
    /// <summary>The largest key the service accepts, in UTF-16 characters (1 KiB).</summary>
    public const int MaxLength = 512;

    /// <summary>Returns the key when valid.</summary>
    /// <exception cref="ArgumentNullException">The key is null.</exception>
    /// <exception cref="ArgumentException">The key contains a forbidden character or is too long.</exception>
    public static string Validate(string key, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(key, parameterName);
        if (key.Length > MaxLength)
        {
            throw new ArgumentException($"A table key may be at most {MaxLength} characters.", parameterName);
        }

        foreach (var c in key)
        {
            if (c is '/' or '\\' or '#' or '?' || char.IsControl(c))
            {
                throw new ArgumentException("A table key may not contain '/', '\\', '#', '?' or control characters.", parameterName);
            }
        }

        return key;
    }

    /// <summary>
    /// The entity address segment <c>(PartitionKey='…',RowKey='…')</c>: quotes doubled (OData string literal), then
    /// every character outside the URI unreserved set percent-encoded (UTF-8), so spaces, quotes, '%' and unicode survive.
    /// </summary>
    public static string EntityPathSegment(string partitionKey, string rowKey) =>
        $"(PartitionKey='{Escape(partitionKey)}',RowKey='{Escape(rowKey)}')";

    private static string Escape(string key) => Uri.EscapeDataString(key.Replace("'", "''", StringComparison.Ordinal));
}
