using ContinuityOfCare.Core.Events;

namespace ContinuityOfCare.Core.Obligations;

/// <summary>
/// One row of the event → obligation table (docs/domain.md "Obligations and their deadlines"): an event of
/// <paramref name="Event"/> for which <paramref name="Condition"/> holds opens an obligation of
/// <paramref name="RuleId"/> for <paramref name="Owner"/>, its deadline counting from <paramref name="Start"/>.
/// </summary>
/// <param name="Event">The event kind that opens it.</param>
/// <param name="RuleId">The catalogue rule it opens.</param>
/// <param name="Owner">Who must act, read from the event.</param>
/// <param name="Condition">What else must be true of the event.</param>
/// <param name="Start">When the deadline counts from.</param>
public sealed record ObligationTrigger(
    EventKind Event,
    string RuleId,
    ObligationOwner Owner,
    TriggerCondition Condition = TriggerCondition.Always,
    DeadlineStart Start = DeadlineStart.EventOccurred)
{
    /// <summary>True when <paramref name="e"/> opens this trigger's obligation (its kind and condition match).</summary>
    public bool Applies(CareEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e.Kind == Event && Condition switch
        {
            TriggerCondition.Remanded => e.Detail == "REMANDED_IN_CUSTODY",
            TriggerCondition.Sentenced => e.Detail == "SENTENCED_TO_CUSTODY",
            TriggerCondition.CustodyElsewhereKnown => e.ToPrisonCode is not null,
            _ => true,
        };
    }
}
