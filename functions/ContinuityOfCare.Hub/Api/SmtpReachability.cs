namespace ContinuityOfCare.Hub.Api;

/// <summary>What a probe of the configured SMTP relay found.</summary>
public enum SmtpReachability
{
    /// <summary>The relay accepted a connection and greeted with 220.</summary>
    Reachable,

    /// <summary>No connection, no greeting within the timeout, or a greeting other than 220 (e.g. 421 service not available).</summary>
    Unreachable,

    /// <summary><c>Mail:Smtp:Host</c> is not set: no alert can be sent.</summary>
    NotConfigured,
}
