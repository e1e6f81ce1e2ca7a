namespace ContinuityOfCare.Hub.Pipeline;

/// <summary>Settings of the pipeline functions (configuration section <c>Pipeline</c>; docs/pipeline.md).</summary>
public sealed class PipelineOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Pipeline";

    /// <summary>
    /// The public root address of the hub's site (without the <c>api/</c> route prefix), used to build acknowledgement
    /// links (<c>{PublicBaseUrl}api/ack/{token}</c>) in escalation emails. Default the local host's address.
    /// </summary>
    public Uri PublicBaseUrl { get; set; } = new("http://127.0.0.1:7071/");

    /// <summary>Largest inbox file accepted by the ingest function, in bytes (default 200 MB, formats.md's cap).</summary>
    public long MaxFileBytes { get; set; } = 200L * 1024 * 1024;

    /// <summary>
    /// Largest file accepted by the HTTP upload <c>POST /api/inbox/{kind}</c>, in bytes (default 50 MB: the body travels
    /// as one request, so the cap is lower than the blob drops' <see cref="MaxFileBytes"/>). Larger → 413.
    /// </summary>
    public long MaxUploadBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary>
    /// How long the loaded client register and its matching index are reused between route invocations (default 30 s).
    /// A register import clears it at once in this process; other instances see the change after this time.
    /// </summary>
    public TimeSpan RegisterCacheTtl { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Health answers 503 when the front message of the ingest, route or send queue has waited longer than this: the
    /// hub is not keeping up, or nothing is processing.
    /// </summary>
    public TimeSpan MaxQueueAge { get; set; } = TimeSpan.FromMinutes(15);
}
