namespace ContinuityOfCare.FunctionApp.LocalHost;

/// <summary>Settings of the local host (configuration section <c>LocalHost</c>).</summary>
public sealed class LocalHostOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "LocalHost";

    /// <summary>
    /// The API key HTTP functions require (header <c>x-functions-key</c> or query <c>code</c>), like a Functions
    /// function key. Unset: every non-anonymous HTTP function answers 401 (architecture.md "Security rules": none is
    /// anonymous except readiness).
    /// </summary>
    public string? ApiKey { get; set; }

    /// <summary>The address HTTP functions are served on when <c>urls</c> is not configured.</summary>
    public string Urls { get; set; } = "http://127.0.0.1:7071";

    /// <summary>How often blob inbox containers are listed.</summary>
    public TimeSpan BlobPollingInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The time zone timer schedules are evaluated in, as Azure Functions' <c>WEBSITE_TIME_ZONE</c> (also read from
    /// that setting). Default Europe/London.
    /// </summary>
    public string TimeZone { get; set; } = "Europe/London";

    /// <summary>How long shutdown waits for in-flight invocations before cancelling them and releasing their messages.</summary>
    public TimeSpan ShutdownGrace { get; set; } = TimeSpan.FromSeconds(20);
}
