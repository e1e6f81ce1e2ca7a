namespace ContinuityOfCare.Hub.Pipeline;

/// <summary>
/// The pipeline's queues, one per stage (architecture.md "State": queues ingest, route, send, deadline; each with its
/// <c>-poison</c> queue, made by the host after <c>maxDequeueCount</c> failures). The names are also written in each
/// function's function.json; these constants are for code that sends or inspects them directly.
/// </summary>
public static class PipelineQueues
{
    /// <summary>Files to ingest (<see cref="Messages.IngestMessage"/>).</summary>
    public const string Ingest = "ingest";

    /// <summary>Ingested files to plan and route (<see cref="Messages.RouteMessage"/>).</summary>
    public const string Route = "route";

    /// <summary>Alert ids to send from the outbox (the message text is the alert id).</summary>
    public const string Send = "send";


    /// <summary>Every stage queue, in pipeline order.</summary>
    public static IReadOnlyList<string> All { get; } = [Ingest, Route, Send];

    /// <summary>The poison queue of <paramref name="queue"/>, as both hosts name it.</summary>
    public static string PoisonOf(string queue) => queue + "-poison";
}
