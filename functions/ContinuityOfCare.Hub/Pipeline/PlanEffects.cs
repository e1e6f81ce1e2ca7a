using ContinuityOfCare.Core.Obligations;
using ContinuityOfCare.Core.Planning;
using ContinuityOfCare.Hub.Obligations;
using ContinuityOfCare.Hub.State;
using ContinuityOfCare.Mail.Outbox;
using NodaTime;

namespace ContinuityOfCare.Hub.Pipeline;

/// <summary>
/// Persists a plan's effects idempotently (docs/pipeline.md "Route"): events, Alert Forms into the outbox (Pending), obligations
/// (and closures), tasks; then one orchestration started per obligation left open, and the closures raised on theirs
/// (docs/pipeline.md "Obligations as orchestrations"). Every write is insert-if-absent by the
/// plan's deterministic ids, so persisting the same plan again changes nothing. Shared by the route step
/// (<see cref="FileRouter"/>) and the routing of a confirmed possible match (<see cref="ConfirmedMatchRouter"/>).
/// </summary>
public sealed class PlanEffects(
    HubState state,
    AlertOutbox outbox,
    ObligationReferences references,
    IObligationEvents orchestrations)
{
    /// <summary>Persists <paramref name="plan"/> (planned at <paramref name="planNow"/>); returns the ids of its alerts, each to be sent.</summary>
    public async Task<PersistedPlan> PersistAsync(Plan plan, Instant planNow, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        // Rows of different ids are independent (each insert-if-absent by its own deterministic id), so each kind is
        // written with State:Parallelism requests at once; the kinds stay in the order below (docs/pipeline.md "Route").
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, state.Tables.Options.Parallelism), CancellationToken = cancellationToken };
        await state.Events.AddAllAsync(plan.Events, cancellationToken).ConfigureAwait(false);

        // Outbox first among the effects people see: an Alert Form is stored before anything can send it.
        await Parallel.ForEachAsync(plan.Alerts, parallel, async (alert, ct) =>
            await outbox.EnqueueAsync(alert.Form, ct).ConfigureAwait(false)).ConfigureAwait(false);
        var alertIds = plan.Alerts.Select(alert => alert.Form.Id).ToList();

        // The reference each obligation was asked for in: the first of the plan's forms asking for it (insert-if-absent,
        // so on a redelivery the reference recorded first stands).
        var requests = plan.Alerts
            .Where(alert => alert.Form.Request is not null)
            .GroupBy(alert => alert.Form.Request!.ObligationId, StringComparer.Ordinal)
            .Select(group => (ObligationId: group.Key, group.First().Form.Reference));
        await Parallel.ForEachAsync(requests, parallel, async (request, ct) =>
            await references.RecordAsync(request.ObligationId, request.Reference, ct).ConfigureAwait(false)).ConfigureAwait(false);

        var openings = plan.ObligationsOpened
            .Where(o => o.Due is not null)
            .Select(o => new NewObligation(
                new Obligation(o.Id, o.RuleId, o.Owner, o.Start, o.Due!.Value, o.LateFromStart, o.Priority), o.ClientId, o.EventId, o.MustDo))
            .ToList();
        await state.Obligations.OpenManyAsync(openings, cancellationToken).ConfigureAwait(false);
        foreach (var closure in plan.ObligationsClosed)
        {
            var closingEvent = plan.Events.FirstOrDefault(e => e.Id == closure.ClosedByEventId);
            var at = closingEvent?.OccurredAt ?? planNow;
            _ = closure.Outcome == ClosureOutcome.Fulfilled
                ? await state.Obligations.FulfilAsync(closure.ObligationId, at, closure.ClosedByEventId, closure.Reason, cancellationToken).ConfigureAwait(false)
                : await state.Obligations.CancelAsync(closure.ObligationId, at, closure.ClosedByEventId, closure.Reason, cancellationToken).ConfigureAwait(false);
        }

        await Parallel.ForEachAsync(plan.Tasks, parallel, async (task, ct) =>
            await state.Tasks.AddAsync(task, planNow, ct).ConfigureAwait(false)).ConfigureAwait(false);

        // After the table rows (the queryable projection) exist: an orchestration always finds its obligation.
        var closed = plan.ObligationsClosed.Select(c => c.ObligationId).ToHashSet(StringComparer.Ordinal);
        await Parallel.ForEachAsync(openings.Where(o => !closed.Contains(o.Obligation.Id)), parallel, async (opening, ct) =>
            await orchestrations.StartAsync(ObligationStart.From(opening.Obligation, opening.ClientId), ct).ConfigureAwait(false)).ConfigureAwait(false);

        foreach (var closure in plan.ObligationsClosed)
        {
            var at = (plan.Events.FirstOrDefault(e => e.Id == closure.ClosedByEventId)?.OccurredAt ?? planNow).ToDateTimeOffset();
            if (closure.Outcome == ClosureOutcome.Fulfilled)
            {
                await orchestrations.RaiseFulfilledAsync(closure.ObligationId, new ObligationFulfilled(at, closure.ClosedByEventId, "route"), cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await orchestrations.RaiseClosedAsync(closure.ObligationId, new ObligationClosed(at, closure.ClosedByEventId, closure.Reason), cancellationToken).ConfigureAwait(false);
            }
        }

        return new PersistedPlan(alertIds, openings.Count);
    }
}
