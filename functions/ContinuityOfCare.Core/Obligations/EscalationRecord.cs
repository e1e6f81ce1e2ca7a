using NodaTime;

namespace ContinuityOfCare.Core.Obligations;

/// <summary>An escalation already sent for an obligation: the history <see cref="EscalationLadder"/> decides from.</summary>
/// <param name="Level">1, 2 or 3.</param>
/// <param name="SentAt">When it was sent.</param>
public sealed record EscalationRecord(int Level, Instant SentAt);
