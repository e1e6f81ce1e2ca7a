namespace ContinuityOfCare.Mail.Bounces;

/// <summary>
/// The bounce mailbox read over IMAP (configuration section <c>Mail:Bounces</c>): the mailbox of
/// <c>Mail:Smtp:BounceAddress</c>, where delivery status notifications arrive. Reading is off while <see cref="Host"/> is empty.
/// </summary>
public sealed class BounceOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Mail:Bounces";

    /// <summary>The IMAP server's host name; empty turns bounce reading off.</summary>
    public string? Host { get; set; }

    /// <summary>The IMAP port: 993 (implicit TLS) by default.</summary>
    public int Port { get; set; } = 993;

    /// <summary>
    /// TLS required (implicit TLS on 993, STARTTLS otherwise). May be false only for a loopback test server (architecture.md
    /// "Security rules": bounce reports carry recipients' addresses).
    /// </summary>
    public bool RequireTls { get; set; } = true;

    /// <summary>The mailbox user (from Key Vault / user secrets with the password).</summary>
    public string? UserName { get; set; }

    /// <summary>The mailbox password (a secret, never the repository).</summary>
    public string? Password { get; set; }

    /// <summary>The folder the reports arrive in.</summary>
    public string Inbox { get; set; } = "INBOX";

    /// <summary>Where a report goes once it is recorded (created when missing). Reports that cannot be read stay in <see cref="Inbox"/>.</summary>
    public string ProcessedFolder { get; set; } = "Processed";

    /// <summary>At most this many reports are read per run (the timer runs every 10 minutes).</summary>
    public int MaxPerRun { get; set; } = 200;

    /// <summary>How long one IMAP operation may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
