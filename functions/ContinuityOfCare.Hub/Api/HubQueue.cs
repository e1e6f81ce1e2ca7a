namespace ContinuityOfCare.Hub.Api;

/// <summary>A queue the hub's functions read or write, and the app setting naming its storage account.</summary>
/// <param name="Name">The queue name (its poison queue is <c>{Name}-poison</c>).</param>
/// <param name="Connection">The connection setting of the binding (null: <c>AzureWebJobsStorage</c>).</param>
public sealed record HubQueue(string Name, string? Connection)
{
    /// <summary>The suffix the hosts give a queue's poison queue (architecture.md "Hosting").</summary>
    public const string PoisonSuffix = "-poison";

    /// <summary>The poison queue's name.</summary>
    public string PoisonName => Name + PoisonSuffix;

    /// <summary>The hub's stage queues (each with its poison queue), as the queue-triggered functions use them.</summary>
    public static IReadOnlyList<HubQueue> All { get; } = [.. Pipeline.PipelineQueues.All.Order(StringComparer.Ordinal).Select(name => new HubQueue(name, Connection: null))];
}
