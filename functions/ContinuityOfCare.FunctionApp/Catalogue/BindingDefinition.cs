namespace ContinuityOfCare.FunctionApp.Catalogue;

/// <summary>
/// One binding of a <c>function.json</c>, as the Azure Functions host reads it: a trigger, an input, or an output.
/// Only the properties this hub uses are kept.
/// </summary>
/// <param name="Type"><c>queueTrigger</c>, <c>timerTrigger</c>, <c>blobTrigger</c>, <c>httpTrigger</c>, <c>queue</c> or <c>http</c>.</param>
/// <param name="Direction"><c>in</c> or <c>out</c>.</param>
/// <param name="Name">The binding name: the key in the custom handler's <c>Data</c> and <c>Outputs</c>.</param>
public sealed record BindingDefinition(string Type, string Direction, string Name)
{
    /// <summary><c>queueTrigger</c> / <c>queue</c>: the queue name.</summary>
    public string? QueueName { get; init; }

    /// <summary><c>timerTrigger</c>: six-field NCRONTAB (<c>second minute hour day month day-of-week</c>).</summary>
    public string? Schedule { get; init; }

    /// <summary><c>timerTrigger</c>: also run once when the host starts.</summary>
    public bool RunOnStartup { get; init; }

    /// <summary><c>blobTrigger</c>: <c>container/{name}</c>.</summary>
    public string? Path { get; init; }

    /// <summary><c>httpTrigger</c>: allowed methods (upper case); empty means any.</summary>
    public IReadOnlyList<string> Methods { get; init; } = [];

    /// <summary><c>httpTrigger</c>: the route template under <c>/api/</c>; the function name when absent.</summary>
    public string? Route { get; init; }

    /// <summary><c>httpTrigger</c>: <c>anonymous</c>, <c>function</c> or <c>admin</c> (default <c>function</c>).</summary>
    public string AuthLevel { get; init; } = "function";

    /// <summary>The app setting naming the storage connection (default <c>AzureWebJobsStorage</c>).</summary>
    public string? Connection { get; init; }

    /// <summary><c>binary</c> makes the host send a blob base64-encoded instead of as text.</summary>
    public string? DataType { get; init; }

    /// <summary>True for the trigger binding (its type ends with <c>Trigger</c>).</summary>
    public bool IsTrigger => Type.EndsWith("Trigger", StringComparison.OrdinalIgnoreCase);

    /// <summary>True for an output binding.</summary>
    public bool IsOutput => Direction.Equals("out", StringComparison.OrdinalIgnoreCase);

    /// <summary>The container of a blob trigger's path (<c>directory</c> for <c>directory/{name}</c>).</summary>
    public string? BlobContainer => Path is null ? null : Path.Split('/', 2)[0];
}
