using ContinuityOfCare.Core.Clients;
using ContinuityOfCare.Core.Events;
using ContinuityOfCare.Core.Obligations;
using ContinuityOfCare.Core.Time;

namespace ContinuityOfCare.Core.Planning;

/// <summary>
/// The deadline step of a plan: an obligation an event opens gets its due instant from its catalogue rule and the
/// working calendar, with the explanation shown to its owner.
/// </summary>
internal sealed class ObligationDeadlines(ObligationCatalogue catalogue, WorkingCalendar calendar, PlanLedger ledger)
{
    /// <summary>The obligation <paramref name="spec"/> opened by <paramref name="e"/>, with its due instant.</summary>
    public PlannedObligation Open(CareEvent e, Client client, ObligationSpec spec)
    {
        var rule = catalogue[spec.RuleId];
        var id = DeterministicIds.Obligation(spec.RuleId, e.Id);
        var priority = client.Ppo ? ObligationPriority.Ppo : ObligationPriority.Standard;
        try
        {
            var due = DeadlineCalculator.Due(rule.Deadline, spec.Start, calendar, spec.ReferenceDate);
            return new PlannedObligation(id, spec.RuleId, spec.Owner, client.Id, e.Id, rule.MustDo, spec.Start, due.Due, priority,
                $"{rule.Deadline.Describe()} ({rule.Citation}): {due.Explanation}", due.LateFromStart);
        }
        catch (CalendarCoverageException ex)
        {
            // docs/domain.md: beyond the holiday list is an error the operator sees, never a silent guess.
            ledger.Tasks.Add(new PlanTask(TaskKind.CalendarNotCovered, PlanTask.Operator, client.Id, $"{spec.RuleId}: {ex.Message}", e.Id));
            return new PlannedObligation(id, spec.RuleId, spec.Owner, client.Id, e.Id, rule.MustDo, spec.Start, null, priority, ex.Message, false);
        }
    }
}
