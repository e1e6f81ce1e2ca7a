namespace ContinuityOfCare.Storage;

/// <summary>
/// A parsed Azure Storage connection string: the account's credential and its Blob, Queue and Table endpoints.
/// </summary>
/// <remarks>
/// Supports <c>UseDevelopmentStorage=true</c> (Azurite on its default ports 10000/10001/10002, path-style
/// <c>http://127.0.0.1:port/devstoreaccount1</c>) and the full form
/// <c>DefaultEndpointsProtocol=…;AccountName=…;AccountKey=…;EndpointSuffix=…;BlobEndpoint=…;QueueEndpoint=…;TableEndpoint=…</c>.
/// Explicit endpoints win over endpoints derived from the account name and suffix; an explicit endpoint is used as
/// given, so a path-style endpoint (IP address or localhost with the account as first path segment) stays path-style.
/// Shared access signatures are not supported.
/// </remarks>
public sealed class StorageConnectionString
{
    /// <summary>The well-known Azurite / storage emulator account name.</summary>
    public const string DevelopmentAccountName = "devstoreaccount1";

    /// <summary>The well-known, public Azurite / storage emulator account key (not a secret).</summary>
    public const string DevelopmentAccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private StorageConnectionString(StorageSharedKeyCredential credential, Uri? blobEndpoint, Uri? queueEndpoint, Uri? tableEndpoint)
    {
        Credential = credential;
        BlobEndpoint = blobEndpoint;
        QueueEndpoint = queueEndpoint;
        TableEndpoint = tableEndpoint;
    }

    /// <summary>The account name and key used for Shared Key signing.</summary>
    public StorageSharedKeyCredential Credential { get; }

    /// <summary>The account name.</summary>
    public string AccountName => Credential.AccountName;

    /// <summary>The Blob service endpoint without a trailing slash, or null if it cannot be derived.</summary>
    public Uri? BlobEndpoint { get; }

    /// <summary>The Queue service endpoint without a trailing slash, or null if it cannot be derived.</summary>
    public Uri? QueueEndpoint { get; }

    /// <summary>The Table service endpoint without a trailing slash, or null if it cannot be derived.</summary>
    public Uri? TableEndpoint { get; }

    /// <summary>Parses a connection string.</summary>
    /// <param name="connectionString">The connection string.</param>
    /// <returns>The parsed connection string.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="connectionString"/> is null.</exception>
    /// <exception cref="FormatException">
    /// The string is empty, malformed, lacks an account name or key, uses a shared access signature, or names an
    /// endpoint that is not an absolute http(s) URI. The message never contains the account key.
    /// </exception>
    public static StorageConnectionString Parse(string connectionString)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        var settings = ParseSettings(connectionString);

        if (settings.TryGetValue("UseDevelopmentStorage", out var useDevelopment))
        {
            if (!string.Equals(useDevelopment, "true", StringComparison.OrdinalIgnoreCase))
            {
                throw new FormatException("UseDevelopmentStorage must be 'true' when present.");
            }

            if (settings.ContainsKey("DevelopmentStorageProxyUri"))
            {
                throw new FormatException("DevelopmentStorageProxyUri is not supported.");
            }

            return new StorageConnectionString(
                new StorageSharedKeyCredential(DevelopmentAccountName, DevelopmentAccountKey),
                new Uri($"http://127.0.0.1:10000/{DevelopmentAccountName}"),
                new Uri($"http://127.0.0.1:10001/{DevelopmentAccountName}"),
                new Uri($"http://127.0.0.1:10002/{DevelopmentAccountName}"));
        }

        if (settings.ContainsKey("SharedAccessSignature"))
        {
            throw new FormatException("Connection strings with a SharedAccessSignature are not supported; use an account key or a TokenCredential.");
        }

        if (!settings.TryGetValue("AccountName", out var accountName) || string.IsNullOrWhiteSpace(accountName))
        {
            throw new FormatException("The connection string has no AccountName.");
        }

        if (!settings.TryGetValue("AccountKey", out var accountKey) || string.IsNullOrWhiteSpace(accountKey))
        {
            throw new FormatException("The connection string has no AccountKey.");
        }

        StorageSharedKeyCredential credential;
        try
        {
            credential = new StorageSharedKeyCredential(accountName, accountKey);
        }
        catch (ArgumentException e)
        {
            throw new FormatException("The connection string's AccountKey is not valid base64.", e);
        }

        var protocol = settings.GetValueOrDefault("DefaultEndpointsProtocol", "https");
        if (protocol is not ("http" or "https"))
        {
            throw new FormatException("DefaultEndpointsProtocol must be 'http' or 'https'.");
        }

        var suffix = settings.GetValueOrDefault("EndpointSuffix", "core.windows.net");
        return new StorageConnectionString(
            credential,
            Endpoint(settings, "BlobEndpoint", protocol, accountName, "blob", suffix),
            Endpoint(settings, "QueueEndpoint", protocol, accountName, "queue", suffix),
            Endpoint(settings, "TableEndpoint", protocol, accountName, "table", suffix));
    }

    private static Uri Endpoint(Dictionary<string, string> settings, string key, string protocol, string account, string service, string suffix)
    {
        var text = settings.TryGetValue(key, out var explicitEndpoint)
            ? explicitEndpoint
            : $"{protocol}://{account}.{service}.{suffix}";
        if (!Uri.TryCreate(text.TrimEnd('/'), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new FormatException($"{key} is not an absolute http or https URI.");
        }

        return uri;
    }

    private static Dictionary<string, string> ParseSettings(string connectionString)
    {
        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            // Split at the first '=' only: base64 keys end with '='.
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new FormatException("The connection string is malformed: every setting must be Name=Value.");
            }

            var name = part[..equals].Trim();
            if (!settings.TryAdd(name, part[(equals + 1)..].Trim()))
            {
                throw new FormatException($"The connection string names '{name}' more than once.");
            }
        }

        if (settings.Count == 0)
        {
            throw new FormatException("The connection string is empty.");
        }

        return settings;
    }
}
