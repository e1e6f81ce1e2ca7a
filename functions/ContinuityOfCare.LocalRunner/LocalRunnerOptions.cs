namespace ContinuityOfCare.LocalRunner;

/// <summary>The local runner's settings (section <c>LocalRunner</c>); the queue settings come from host.json as in Azure.</summary>
public sealed class LocalRunnerOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "LocalRunner";

    /// <summary>The key HTTP functions above anonymous level require (<c>x-functions-key</c> header or <c>code</c> query parameter); none = every such call is refused.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Where HTTP functions are served.</summary>
    public string Urls { get; set; } = "http://127.0.0.1:7071";

    /// <summary>How often the blob inboxes are listed.</summary>
    public TimeSpan BlobPollingInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The time zone timers are read in when <c>WEBSITE_TIME_ZONE</c> is not set.</summary>
    public string TimeZone { get; set; } = "Europe/London";

    /// <summary>How long running invocations may finish at shutdown before their messages are handed back.</summary>
    public TimeSpan ShutdownGrace { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// How long a received queue message stays invisible; renewed while its function runs. Short, so a message held
    /// by a killed process is visible again within seconds rather than after <c>functionTimeout</c>.
    /// </summary>
    public TimeSpan MessageLease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest wait between retries while storage cannot be reached.</summary>
    public TimeSpan MaxOutageBackoff { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Development and tests only: the hub's clock (and the runner's timers) start at this instant and run at real
    /// speed (<see cref="RunningClock"/>); none = the system clock. Never set in a deployment.
    /// </summary>
    public DateTimeOffset? ClockStart { get; set; }
}
