using ContinuityOfCare.Storage.Blobs;
using ContinuityOfCare.Storage.Queues;
using ContinuityOfCare.Storage.Tables;

namespace ContinuityOfCare.Storage.Tests;

/// <summary>
/// Clients aimed at a closed loopback port with retries off: a guard that fires throws its argument exception before
/// any I/O; a guard that does not fire lets the request through, which fails with a different exception.
/// </summary>
internal static class DeadEndpoint
{
    public const string ConnectionString =
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=" + StorageConnectionString.DevelopmentAccountKey + ";" +
        "BlobEndpoint=http://127.0.0.1:9/devstoreaccount1;QueueEndpoint=http://127.0.0.1:9/devstoreaccount1;TableEndpoint=http://127.0.0.1:9/devstoreaccount1";

    public static TableClient Table() => new(ConnectionString, "guards", NoRetry(new TableClientOptions()));

    public static QueueClient Queue() => new(ConnectionString, "guards", NoRetry(new QueueClientOptions()));

    public static BlobContainerClient Container() => new(ConnectionString, "guards", NoRetry(new BlobClientOptions()));

    private static T NoRetry<T>(T options)
        where T : Azure.Core.ClientOptions
    {
        options.Retry.MaxRetries = 0;
        return options;
    }
}
