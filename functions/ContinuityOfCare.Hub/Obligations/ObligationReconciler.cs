using ContinuityOfCare.Core.Obligations;
using ContinuityOfCare.Core.Time;
using ContinuityOfCare.Hub.State;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace ContinuityOfCare.Hub.Obligations;

/// <summary>
/// The safety net behind Route (docs/pipeline.md "Reconciliation"): every obligation the table holds as open, with a
/// level of the ladder still to come, and no orchestration at all, gets one started — an orchestration that never
/// started (a crash between the table write and the start), or one lost with an in-memory engine's process. Those
/// started are counted in an operator notice. One that exists in any state is left alone: a completed one has done
/// its work, and the engine would otherwise start a second execution.
/// </summary>
public sealed partial class ObligationReconciler(HubState state, IObligationEvents orchestrations, IClock clock, ILogger<ObligationReconciler> logger)
{
    /// <summary>The table states with escalation still to come.</summary>
    public static readonly IReadOnlySet<ObligationState> Unfinished = new HashSet<ObligationState>
    {
        ObligationState.Open, ObligationState.Overdue, ObligationState.EscalatedLevel1, ObligationState.EscalatedLevel2,
    };

    /// <summary>Finds (and unless <paramref name="dryRun"/>, starts) the missing orchestrations.</summary>
    public async Task<ReconcileResult> ReconcileAsync(bool dryRun, CancellationToken cancellationToken)
    {
        var open = await state.Obligations.QueryAsync(new ObligationQuery(States: Unfinished), cancellationToken).ConfigureAwait(false);
        var missing = new List<string>();
        var started = 0;
        foreach (var stored in open)
        {
            if (await orchestrations.DescribeAsync(stored.Id, withHistory: false, cancellationToken).ConfigureAwait(false) is not null)
            {
                continue;
            }

            missing.Add(stored.Id);
            if (!dryRun && await orchestrations.StartAsync(ObligationStart.From(stored), cancellationToken).ConfigureAwait(false))
            {
                started++;
            }
        }

        var now = clock.GetCurrentInstant();
        if (started > 0)
        {
            await state.Notices.TryRaiseAsync(
                new HubNotice($"obligations-reconciled:{now.ToUnixTimeTicks()}", LondonTime.ToLocal(now).Date, "OBLIGATIONS_RECONCILED",
                    $"{started} open obligation(s) had no orchestration and were started by reconciliation: check the hub's logs around the time they were opened.",
                    now),
                cancellationToken).ConfigureAwait(false);
        }

        LogReconciled(open.Count, missing.Count, started, dryRun);
        return new ReconcileResult(open.Count, missing, started);
    }

    [LoggerMessage(EventId = 6401, Level = LogLevel.Information,
        Message = "Obligation reconciliation: {Open} open, {Missing} without an orchestration, {Started} started (dry run {DryRun})")]
    private partial void LogReconciled(int open, int missing, int started, bool dryRun);
}
