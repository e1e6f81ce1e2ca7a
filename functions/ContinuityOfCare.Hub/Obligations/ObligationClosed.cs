namespace ContinuityOfCare.Hub.Obligations;

/// <summary>
/// The payload of the <c>closed</c> event: a later event made the obligation moot (e.g. release closes a prison
/// obligation, domain.md "Obligations and their deadlines"); it ends without escalation.
/// </summary>
/// <param name="At">When the closing event happened.</param>
/// <param name="ByEventId">The closing event's id.</param>
/// <param name="Reason">The core's closure reason (a fixed phrase, no personal data).</param>
public sealed record ObligationClosed(DateTimeOffset At, string ByEventId, string? Reason);
