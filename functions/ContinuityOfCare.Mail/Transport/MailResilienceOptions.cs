namespace ContinuityOfCare.Mail.Transport;

/// <summary>
/// Retry, circuit breaker and rate limit for sending (configuration section <c>Mail:Resilience</c>).
/// The per-attempt timeout is <see cref="SmtpOptions.Timeout"/>.
/// </summary>
public sealed class MailResilienceOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Mail:Resilience";

    /// <summary>Retries after the first attempt on a transient failure (0 = no retry).</summary>
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>The first back-off delay; later ones grow exponentially with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The share of failed attempts within <see cref="BreakerSamplingDuration"/> that opens the circuit.</summary>
    public double BreakerFailureRatio { get; set; } = 0.5;

    /// <summary>Attempts needed within the sampling window before the ratio is trusted (Polly's minimum is 2).</summary>
    public int BreakerMinimumThroughput { get; set; } = 4;

    /// <summary>The window over which failures are counted (Polly's minimum is 0.5 s).</summary>
    public TimeSpan BreakerSamplingDuration { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long the circuit stays open before one trial message is let through (Polly's minimum is 0.5 s).</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Messages per minute handed to the relay; 0 turns the rate limiter off.</summary>
    public int MessagesPerMinute { get; set; } = 60;

    /// <summary>
    /// Messages that may wait for a rate-limit permit; beyond this a send returns a transient failure and the alert
    /// stays queued for the next run.
    /// </summary>
    public int RateLimitQueueLimit { get; set; } = 1000;
}
