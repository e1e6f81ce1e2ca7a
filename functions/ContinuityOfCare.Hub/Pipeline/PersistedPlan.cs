namespace ContinuityOfCare.Hub.Pipeline;

/// <summary>What <see cref="PlanEffects.PersistAsync"/> stored.</summary>
/// <param name="AlertIds">The plan's alerts (stored in the outbox, or already there): each is to be sent.</param>
/// <param name="ObligationsOpened">How many obligations with a due instant the plan opened.</param>
public sealed record PersistedPlan(IReadOnlyList<string> AlertIds, int ObligationsOpened);
