namespace ContinuityOfCare.Hub.Obligations;

/// <summary>How an obligation's orchestration ended.</summary>
/// <param name="ObligationId">The obligation.</param>
/// <param name="Status"><c>fulfilled</c>, <c>closed</c> or <c>escalated</c> (every level sent and no fulfilment).</param>
/// <param name="HighestLevel">The highest escalation level run (0 for none).</param>
/// <param name="Reason">Who fulfilled it (<c>ack-link</c>, <c>api</c>, an event id) or why it was closed.</param>
public sealed record ObligationOutcome(string ObligationId, string Status, int HighestLevel, string? Reason);
