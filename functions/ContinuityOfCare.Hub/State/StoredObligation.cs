using ContinuityOfCare.Core.Obligations;

namespace ContinuityOfCare.Hub.State;

/// <summary>An obligation as stored: the core's value, its context, its escalation history and who closed it.</summary>
/// <param name="Obligation">The obligation with its current state.</param>
/// <param name="ClientId">The client concerned.</param>
/// <param name="EventId">The event that opened it.</param>
/// <param name="MustDo">What must be done.</param>
/// <param name="Escalations">Escalation levels recorded as sent (each level once, ever), lowest first.</param>
/// <param name="ClosedBy">Who fulfilled or cancelled it (a user id, <c>ack-link</c>, or the superseding event id).</param>
/// <param name="ClosingNote">The note given when it was closed.</param>
public sealed record StoredObligation(
    Obligation Obligation,
    string ClientId,
    string EventId,
    string MustDo,
    IReadOnlyList<EscalationRecord> Escalations,
    string? ClosedBy,
    string? ClosingNote)
{
    /// <summary>
    /// The outbox id of each recorded level's email (its delivery is the outbox row's status); an empty id for a level
    /// that had no recipient. A level missing here was recorded before escalation emails went through the outbox.
    /// </summary>
    public IReadOnlyDictionary<int, string> EscalationEmails { get; init; } = new Dictionary<int, string>();

    /// <summary>The obligation's id.</summary>
    public string Id => Obligation.Id;
}
