using Azure;
using NodaTime;

namespace ContinuityOfCare.Hub.State;

/// <summary>
/// Where the email of a recorded escalation level stands (on its guard row): <see cref="Sending"/> from the moment the
/// level is recorded until the relay's answer is written as <see cref="Sent"/>, <see cref="Undelivered"/> or — when the
/// relay could not take it yet and nothing was handed over — <see cref="Waiting"/>, tried again like a waiting Alert
/// Form. A level left <see cref="Sending"/> longer than an attempt can last was cut off by a crash (docs/pipeline.md
/// "Obligations as orchestrations": the level is then repeated, with the same Message-ID, and the operator told).
/// </summary>
/// <param name="State">Sending, Sent, Waiting or Undelivered.</param>
/// <param name="AttemptAt">When the current (or last) attempt started, on the hub's clock.</param>
/// <param name="Attempts">Attempts so far.</param>
/// <param name="ETag">The guard row's ETag, for a guarded change.</param>
public sealed record EscalationDelivery(string State, Instant AttemptAt, int Attempts, ETag ETag)
{
    /// <summary>An attempt is (or was, if the process died) under way.</summary>
    public const string Sending = "Sending";

    /// <summary>The relay accepted the email.</summary>
    public const string Sent = "Sent";

    /// <summary>
    /// The relay was unavailable (circuit open, no connection, a 4xx) and nothing was handed over: the email waits for
    /// the relay and is tried again (no repeat, so no notice).
    /// </summary>
    public const string Waiting = "Waiting";

    /// <summary>The email could not be delivered; an operator notice asks for a manual follow-up.</summary>
    public const string Undelivered = "Undelivered";

    internal const string StateProperty = "Delivery";
    internal const string AttemptAtProperty = "DeliveryAttemptAt";
    internal const string AttemptsProperty = "DeliveryAttempts";
}
