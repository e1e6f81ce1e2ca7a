namespace ContinuityOfCare.Mail.Bounces;

/// <summary>What one read of the bounce mailbox did.</summary>
/// <param name="Read">Messages looked at.</param>
/// <param name="Bounced">Alerts marked Bounced (permanent failure reported).</param>
/// <param name="Delayed">Alerts marked Delayed.</param>
/// <param name="Moved">Reports recorded and moved to the processed folder.</param>
/// <param name="Unreadable">Messages that are not readable delivery status notifications, or match no alert: left in the mailbox.</param>
public sealed record BounceCheckResult(int Read, int Bounced, int Delayed, int Moved, int Unreadable)
{
    /// <summary>Bounce reading is not configured (<c>Mail:Bounces:Host</c> empty).</summary>
    public static BounceCheckResult NotConfigured { get; } = new(0, 0, 0, 0, 0);
}
