namespace ContinuityOfCare.Hub.State;

/// <summary>Settings of the hub's state stores (configuration section <c>State</c>; docs/state.md).</summary>
public sealed class StateOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "State";

    /// <summary>The shortest keyed-hash key accepted: 256 bits, the HMAC-SHA256 block-size guidance.</summary>
    public const int MinimumKeyBytes = 32;

    /// <summary>
    /// Base64 of the HMAC-SHA256 key that turns identifiers, names and dates of birth into index keys, so they never
    /// appear in URL paths (which Azure.Core logs; docs/storage-client.md). A secret: Key Vault in Azure, user secrets
    /// or an environment variable locally. Changing it orphans the identifier index, so re-import the register after.
    /// </summary>
    public string IndexKey { get; set; } = string.Empty;

    /// <summary>Prepended to every table name in <see cref="TableNames"/> (letters and digits; tests use a unique one).</summary>
    public string TablePrefix { get; set; } = string.Empty;

    /// <summary>Create every state table when the app starts (default true).</summary>
    public bool CreateTablesAtStartup { get; set; } = true;

    /// <summary>How often an ETag-guarded change re-reads and retries after a 412 before giving up (default 10).</summary>
    public int MaxConcurrencyRetries { get; set; } = 10;

    /// <summary>Concurrent point reads or writes a store issues at once (default 8).</summary>
    public int Parallelism { get; set; } = 8;

    /// <summary>The key bytes decoded from <see cref="IndexKey"/>.</summary>
    /// <exception cref="InvalidOperationException">Missing, not base64, or shorter than <see cref="MinimumKeyBytes"/>.</exception>
    public byte[] IndexKeyBytes()
    {
        if (string.IsNullOrEmpty(IndexKey))
        {
            throw new InvalidOperationException("State:IndexKey is not configured.");
        }

        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(IndexKey);
        }
        catch (FormatException)
        {
            throw new InvalidOperationException("State:IndexKey is not base64.");
        }

        return bytes.Length >= MinimumKeyBytes
            ? bytes
            : throw new InvalidOperationException($"State:IndexKey must be at least {MinimumKeyBytes} bytes (base64).");
    }
}
