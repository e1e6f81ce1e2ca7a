using ContinuityOfCare.FunctionApp.Catalogue;

namespace ContinuityOfCare.FunctionApp.Api;

/// <summary>A queue the hub's functions read or write, and the app setting naming its storage account.</summary>
/// <param name="Name">The queue name (its poison queue is <c>{Name}-poison</c>).</param>
/// <param name="Connection">The connection setting of the binding (null: <c>AzureWebJobsStorage</c>).</param>
public sealed record HubQueue(string Name, string? Connection)
{
    /// <summary>The suffix the hosts give a queue's poison queue (architecture.md "Hosting").</summary>
    public const string PoisonSuffix = "-poison";

    /// <summary>The poison queue's name.</summary>
    public string PoisonName => Name + PoisonSuffix;

    /// <summary>
    /// Every queue named by a <c>queueTrigger</c> or <c>queue</c> output binding of <paramref name="definitions"/>, once
    /// each, in ordinal order (poison queues excluded: each is reported with its queue).
    /// </summary>
    public static IReadOnlyList<HubQueue> From(IEnumerable<FunctionDefinition> definitions)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        var queues = new SortedDictionary<string, HubQueue>(StringComparer.Ordinal);
        foreach (var binding in definitions.SelectMany(definition => definition.Bindings))
        {
            var isQueue = binding.Type.Equals(BindingTypes.QueueTrigger, StringComparison.OrdinalIgnoreCase)
                || binding.Type.Equals(BindingTypes.Queue, StringComparison.OrdinalIgnoreCase);
            if (isQueue && binding.QueueName is { Length: > 0 } name && !name.EndsWith(PoisonSuffix, StringComparison.Ordinal))
            {
                queues.TryAdd(name, new HubQueue(name, binding.Connection));
            }
        }

        return [.. queues.Values];
    }
}
