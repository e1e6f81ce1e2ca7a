using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;

namespace ContinuityOfCare.Hub.Storage;

/// <summary>
/// Where a storage connection setting points, read the way the Functions host reads it: either a connection string
/// (<c>AzureWebJobsStorage=UseDevelopmentStorage=true</c>, Azurite, or a full connection string), or an identity-based
/// connection (<c>AzureWebJobsStorage__accountName</c>, or <c>__blobServiceUri</c> / <c>__queueServiceUri</c> /
/// <c>__tableServiceUri</c>, with an optional <c>__clientId</c> for a user-assigned identity) used with a
/// <see cref="TokenCredential"/>. In Azure the hub uses the second form, so no account key exists in app settings.
/// </summary>
public sealed class StorageAccount
{
    private StorageAccount(string settingName, string? connectionString, Uri? blobs, Uri? queues, Uri? tables, string? clientId)
    {
        SettingName = settingName;
        ConnectionString = connectionString;
        BlobServiceUri = blobs;
        QueueServiceUri = queues;
        TableServiceUri = tables;
        ClientId = clientId;
    }

    /// <summary>The app setting read (e.g. <c>AzureWebJobsStorage</c>); safe to log, unlike its value.</summary>
    public string SettingName { get; }

    /// <summary>The connection string, when the setting holds one.</summary>
    public string? ConnectionString { get; }

    /// <summary>The blob endpoint of an identity-based connection.</summary>
    public Uri? BlobServiceUri { get; }

    /// <summary>The queue endpoint of an identity-based connection.</summary>
    public Uri? QueueServiceUri { get; }

    /// <summary>The table endpoint of an identity-based connection.</summary>
    public Uri? TableServiceUri { get; }

    /// <summary>The client id of a user-assigned managed identity (<c>__clientId</c>), else null (system-assigned or developer credentials).</summary>
    public string? ClientId { get; }

    /// <summary>Reads the connection named <paramref name="settingName"/>.</summary>
    /// <exception cref="InvalidOperationException">Neither form is configured (the message names the setting only).</exception>
    public static StorageAccount FromConfiguration(IConfiguration configuration, string settingName)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentException.ThrowIfNullOrEmpty(settingName);
        if (configuration[settingName] is { Length: > 0 } connectionString)
        {
            return new StorageAccount(settingName, connectionString, null, null, null, null);
        }

        var section = configuration.GetSection(settingName);
        var accountName = section["accountName"];
        Uri? Endpoint(string service) =>
            section[$"{service}ServiceUri"] is { Length: > 0 } uri ? new Uri(uri, UriKind.Absolute)
            : accountName is { Length: > 0 } ? new Uri($"https://{accountName}.{service}.core.windows.net")
            : null;

        var blobs = Endpoint("blob");
        var queues = Endpoint("queue");
        var tables = Endpoint("table");
        if (blobs is null && queues is null && tables is null)
        {
            throw new InvalidOperationException(
                $"the storage connection setting {settingName} is not configured (set {settingName} to a connection string, or {settingName}__accountName for an identity-based connection)");
        }

        return new StorageAccount(settingName, null, blobs, queues, tables, section["clientId"]);
    }

    /// <summary>The credential for an identity-based connection (managed identity in Azure, developer sign-in locally); made once, on first use.</summary>
    public TokenCredential Credential => _credential ??= new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = ClientId });

    private TokenCredential? _credential;

    /// <summary>The Table service client.</summary>
    /// <exception cref="FormatException">The connection string cannot be read (the message names the setting, never the value).</exception>
    public TableServiceClient CreateTableServiceClient(TableClientOptions options) =>
        ConnectionString is not null ? Parse(() => new TableServiceClient(ConnectionString, options))
        : new TableServiceClient(Require(TableServiceUri, "table"), Credential, options);

    /// <summary>The Queue service client (base64 messages, as the Functions queue trigger expects by default).</summary>
    /// <exception cref="FormatException">The connection string cannot be read.</exception>
    public QueueServiceClient CreateQueueServiceClient(QueueClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.MessageEncoding = QueueMessageEncoding.Base64;
        return ConnectionString is not null ? Parse(() => new QueueServiceClient(ConnectionString, options))
            : new QueueServiceClient(Require(QueueServiceUri, "queue"), Credential, options);
    }

    /// <summary>The Blob service client.</summary>
    /// <exception cref="FormatException">The connection string cannot be read.</exception>
    public BlobServiceClient CreateBlobServiceClient(BlobClientOptions options) =>
        ConnectionString is not null ? Parse(() => new BlobServiceClient(ConnectionString, options))
        : new BlobServiceClient(Require(BlobServiceUri, "blob"), Credential, options);

    // The SDKs reject a malformed connection string with InvalidOperationException, FormatException or
    // ArgumentException, quoting the offending text — which may hold the account key. Say which setting, not what it holds.
    private T Parse<T>(Func<T> create)
    {
        try
        {
            return create();
        }
        catch (Exception exception) when (exception is InvalidOperationException or FormatException or ArgumentException)
        {
            throw new FormatException($"the storage connection string in {SettingName} is not valid");
        }
    }

    private Uri Require(Uri? endpoint, string service) =>
        endpoint ?? throw new InvalidOperationException($"the storage connection setting {SettingName} names no {service} endpoint ({SettingName}__{service}ServiceUri or __accountName)");
}
