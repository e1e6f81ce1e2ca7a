namespace ContinuityOfCare.FunctionApp.Catalogue;

/// <summary>The <c>function.json</c> binding types both hosts understand.</summary>
public static class BindingTypes
{
    /// <summary>A queue message trigger.</summary>
    public const string QueueTrigger = "queueTrigger";

    /// <summary>A six-field NCRONTAB timer trigger.</summary>
    public const string TimerTrigger = "timerTrigger";

    /// <summary>A blob trigger on a container.</summary>
    public const string BlobTrigger = "blobTrigger";

    /// <summary>An HTTP request trigger.</summary>
    public const string HttpTrigger = "httpTrigger";

    /// <summary>A queue output.</summary>
    public const string Queue = "queue";

    /// <summary>The HTTP response output.</summary>
    public const string Http = "http";

    /// <summary>Every type the catalogue accepts.</summary>
    public static IReadOnlySet<string> All { get; } =
        new HashSet<string>([QueueTrigger, TimerTrigger, BlobTrigger, HttpTrigger, Queue, Http], StringComparer.OrdinalIgnoreCase);
}
