using System.Globalization;

namespace ContinuityOfCare.Hub.Storage;

/// <summary>
/// Azurite's well-known development account (published in Azurite's documentation; not a secret) and the connection
/// string for an Azurite listening on chosen loopback ports.
/// </summary>
public static class DevelopmentStorage
{
    /// <summary>The development account's name.</summary>
    public const string AccountName = "devstoreaccount1";

    /// <summary>The development account's published key.</summary>
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    /// <summary>A connection string with explicit path-style endpoints on 127.0.0.1.</summary>
    public static string ConnectionString(int blobPort, int queuePort, int tablePort) =>
        "DefaultEndpointsProtocol=http;" +
        $"AccountName={AccountName};AccountKey={AccountKey};" +
        $"BlobEndpoint={Endpoint(blobPort)};QueueEndpoint={Endpoint(queuePort)};TableEndpoint={Endpoint(tablePort)};";

    /// <summary>The path-style endpoint of one service.</summary>
    public static Uri Endpoint(int port) => new(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/{AccountName}"));
}
