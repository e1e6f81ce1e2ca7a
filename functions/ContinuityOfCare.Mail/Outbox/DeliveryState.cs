namespace ContinuityOfCare.Mail.Outbox;

/// <summary>
/// What the recipient's side reported after the relay accepted an alert (delivery status notifications, RFC 3464),
/// kept beside <see cref="AlertStatus"/>: an alert can be Sent and later Bounced.
/// </summary>
public enum DeliveryState
{
    /// <summary>No report: accepted by the relay, nothing heard since (the normal case — DSNs are asked for on failure and delay only).</summary>
    Unknown,

    /// <summary>A relay reported a delay (DSN action <c>delayed</c>); it is still trying.</summary>
    Delayed,

    /// <summary>A relay reported a permanent failure (DSN action <c>failed</c>): the form did not arrive; the directory entry is flagged.</summary>
    Bounced,
}
