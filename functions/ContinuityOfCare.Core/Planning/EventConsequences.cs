using ContinuityOfCare.Core.Alerts;
using ContinuityOfCare.Core.Clients;
using ContinuityOfCare.Core.Events;
using ContinuityOfCare.Core.Routing;

namespace ContinuityOfCare.Core.Planning;

/// <summary>
/// The close/route step of a plan: a detected event closes what it ends (<see cref="ObligationClosingRules"/>), opens
/// its obligations (<see cref="EventObligationTable"/>, <see cref="ObligationDeadlines"/>) and is routed as Alert Forms
/// and tasks (<see cref="AlertRouter"/>).
/// </summary>
internal sealed class EventConsequences(
    EventObligationTable table, ObligationDeadlines deadlines, AlertRouter router, PlanLedger ledger)
{
    /// <summary>Records <paramref name="e"/> for <paramref name="client"/> and applies its consequences.</summary>
    public void Apply(Client client, ClientJourneyState state, CareEvent e)
    {
        ledger.Events.Add(e);

        // Later data closes or cancels what this plan opened earlier for the same client.
        for (var i = 0; i < state.Open.Count;)
        {
            var open = state.Open[i];
            if (ObligationClosingRules.Closes(e, open.Obligation.RuleId, open.Obligation.Owner, open.Prison) is { } closure)
            {
                ledger.Closed.Add(new ObligationClosure(open.Obligation.Id, open.Obligation.RuleId, client.Id, e.Id, closure.Outcome, closure.Reason));
                state.Open.RemoveAt(i);
            }
            else
            {
                i++;
            }
        }

        var requests = new Dictionary<string, AlertRequest>(StringComparer.Ordinal);
        foreach (var spec in table.ObligationsFor(e, client))
        {
            var obligation = deadlines.Open(e, client, spec);
            ledger.Opened.Add(obligation);
            state.Open.Add(new OpenObligation(obligation, spec.Prison));
            if (obligation.Due is { } due)
            {
                requests.TryAdd(obligation.RuleId, new AlertRequest(obligation.Id, obligation.RuleId, obligation.MustDo, due));
            }
        }

        var (alerts, tasks) = router.Route(e, client, requests);
        ledger.Alerts.AddRange(alerts);
        ledger.Tasks.AddRange(tasks);
    }
}
