namespace ContinuityOfCare.Mail.Transport;

/// <summary>
/// How the hub reaches its SMTP relay (configuration section <c>Mail:Smtp</c>). Validated at start-up by
/// <see cref="SmtpOptionsValidator"/>; secrets (the password) come from configuration, never from the repository.
/// </summary>
public sealed class SmtpOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Mail:Smtp";

    /// <summary>The relay's host name.</summary>
    public string Host { get; set; } = "";

    /// <summary>The relay's port (587, submission, by default).</summary>
    public int Port { get; set; } = 587;

    /// <summary>
    /// Upgrade the connection with STARTTLS and refuse to send if the relay cannot. On by default; it may be turned off
    /// only for a development relay on the loopback interface (Security rules: personal data never crosses a network in clear).
    /// </summary>
    public bool RequireStartTls { get; set; } = true;

    /// <summary>The user name for SMTP AUTH, or empty for an unauthenticated relay.</summary>
    public string? UserName { get; set; }

    /// <summary>The password for SMTP AUTH (from Key Vault / user secrets, never the repository).</summary>
    public string? Password { get; set; }

    /// <summary>The envelope and <c>From</c> address of every message the hub sends.</summary>
    public string SenderAddress { get; set; } = "";

    /// <summary>The display name shown with <see cref="SenderAddress"/>.</summary>
    public string SenderDisplayName { get; set; } = "Continuity of Care hub";

    /// <summary>How long one SMTP attempt may take before it is abandoned and treated as a transient failure.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Long-lived connections kept open to the relay (1–16). Each carries one message at a time; two are enough for one
    /// sending instance, and relays limit connections per client (Exchange Online: 3).
    /// </summary>
    public int PoolSize { get; set; } = 2;

    /// <summary>A pooled connection idle longer than this is checked with NOOP before use and replaced if the relay dropped it.</summary>
    public TimeSpan KeepAliveAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The envelope sender (<c>MAIL FROM</c>): where delivery status notifications and bounces go. Empty = <see cref="SenderAddress"/>.
    /// The bounce reader (<c>Mail:Bounces</c>) reads this mailbox.
    /// </summary>
    public string? BounceAddress { get; set; }

    /// <summary>Ask for delivery status notifications (RFC 3461 <c>NOTIFY=FAILURE,DELAY RET=HDRS ENVID=</c>alert id) when the relay offers DSN.</summary>
    public bool RequestDeliveryStatus { get; set; } = true;

    /// <summary>The right-hand side of every <c>Message-ID</c> the hub generates.</summary>
    public string MessageIdDomain { get; set; } = "continuity-of-care.hub";
}
