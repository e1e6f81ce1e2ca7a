namespace ContinuityOfCare.Mail.Outbox;

/// <summary>The outbox's tables and timings (configuration section <c>Mail:Outbox</c>).</summary>
public sealed class OutboxOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Mail:Outbox";

    /// <summary>The outbox table (one row per alert).</summary>
    public string AlertsTable { get; set; } = "alertoutbox";

    /// <summary>Directory entries flagged after a permanent failure, keyed by org code.</summary>
    public string DirectoryFlagsTable { get; set; } = "directoryflags";

    /// <summary>The day index of sent Alert Forms (<see cref="SentAlertIndex"/>): "sent today" without scanning the outbox.</summary>
    public string SentByDayTable { get; set; } = "alertsentbyday";

    /// <summary>
    /// How long an alert may stay Sending before it is reconciled to Unconfirmed. Must exceed the longest a send can take:
    /// SMTP timeout × (retries + 1) plus back-off (checked by <see cref="AlertOutbox"/>).
    /// </summary>
    public TimeSpan InFlightTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Automatic repeats of an alert whose attempt got no reply (docs/email.md "The residual window"); after these it is
    /// Unconfirmed and waits for <c>coc alert release</c>. 0 turns automatic repeats off.
    /// </summary>
    public int MaxAutomaticRepeats { get; set; } = 3;

    /// <summary>Where operator notices are emailed as well as stored; empty to store only.</summary>
    public string? OperatorAddress { get; set; }
}
