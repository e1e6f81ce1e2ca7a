using ContinuityOfCare.Core.Obligations;
using ContinuityOfCare.Hub.State;

namespace ContinuityOfCare.Hub.Obligations;

/// <summary>
/// The input of an obligation's orchestration: the obligation as the core decided it (docs/pipeline.md "Obligations
/// as orchestrations"). Opaque ids and codes only — the orchestration's history is readable by operators
/// (<c>coc obligations show</c>), so no names, dates of birth or identifiers travel in it.
/// </summary>
/// <param name="ObligationId">The obligation id (a SHA-256 prefix); also the orchestration's instance id.</param>
/// <param name="RuleId">The obligation rule (docs/deadlines.md).</param>
/// <param name="OwnerOrganisationId">The owner's org code.</param>
/// <param name="ClientId">The case system's opaque client id.</param>
/// <param name="Due">The due instant the core computed, as the hub's clock reads it.</param>
/// <param name="Priority">The obligation's priority (the core's <c>ObligationPriority</c> name).</param>
/// <param name="Levels">How many escalation levels the ladder has (domain.md "Escalation": three).</param>
/// <param name="TimerAt">
/// When the deadline timer fires on the engine's clock: <paramref name="Due"/> itself wherever the hub's clock is the
/// system clock (Azure); shifted by the clock's offset where the hub runs on a shifted clock (the demo, end-to-end tests).
/// </param>
public sealed record ObligationStart(
    string ObligationId,
    string RuleId,
    string OwnerOrganisationId,
    string ClientId,
    DateTimeOffset Due,
    string Priority,
    int Levels,
    DateTime TimerAt)
{
    /// <summary>The levels of domain.md's ladder: owner's SPOC, owner's escalation contact, regional team.</summary>
    public const int LadderLevels = 3;

    /// <summary>The start of a stored obligation (what Route and reconciliation start).</summary>
    public static ObligationStart From(StoredObligation stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return From(stored.Obligation, stored.ClientId);
    }

    /// <summary>The start of <paramref name="obligation"/> of client <paramref name="clientId"/>.</summary>
    public static ObligationStart From(Obligation obligation, string clientId)
    {
        ArgumentNullException.ThrowIfNull(obligation);
        var due = obligation.Due.ToDateTimeOffset();
        return new ObligationStart(obligation.Id, obligation.RuleId, obligation.OwnerOrganisationId, clientId, due,
            obligation.Priority.ToString(), LadderLevels, due.UtcDateTime);
    }
}
