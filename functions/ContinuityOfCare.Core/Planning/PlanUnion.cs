using ContinuityOfCare.Core.Alerts;

namespace ContinuityOfCare.Core.Planning;

/// <summary>
/// The union of the per-file plans of several feed files (docs/plan.md "One file at a time"): what the hub's stores
/// hold after routing each file on its own. Every effect the hub stores is keyed by a deterministic id and written
/// insert-if-absent (docs/pipeline.md "Idempotency"), so the union keeps the first of each id, exactly as the stores do.
/// Files are taken in the order given; within a file the per-file plan's order is kept; rejections are sorted.
/// </summary>
public static class PlanUnion
{
    /// <summary>Unites <paramref name="plans"/> (one per feed file) into one plan made at <paramref name="now"/>.</summary>
    /// <param name="plans">The per-file plans, in the order the files are presented.</param>
    /// <param name="now">The instant reported for the union (the files' own plans keep theirs).</param>
    /// <param name="directoryVersion">The directory version every file was routed against.</param>
    /// <param name="registerClients">The size of the register every file was matched against.</param>
    /// <param name="unfiledRejections">Rejections that belong to no feed file's plan (reference data warnings), listed first.</param>
    public static Plan Unite(
        IReadOnlyList<Plan> plans, NodaTime.Instant now, int directoryVersion, int registerClients, IReadOnlyList<Inputs.Rejection> unfiledRejections)
    {
        ArgumentNullException.ThrowIfNull(plans);
        ArgumentNullException.ThrowIfNull(unfiledRejections);
        var events = plans.SelectMany(p => p.Events).DistinctBy(e => e.Id, StringComparer.Ordinal).ToList();
        var alerts = plans.SelectMany(p => p.Alerts).DistinctBy(a => a.Form.Id, StringComparer.Ordinal).ToList();
        var opened = plans.SelectMany(p => p.ObligationsOpened).DistinctBy(o => o.Id, StringComparer.Ordinal).ToList();
        var closed = plans.SelectMany(p => p.ObligationsClosed).DistinctBy(c => c.ObligationId, StringComparer.Ordinal).ToList();
        var tasks = plans.SelectMany(p => p.Tasks).Distinct().ToList();
        var possible = plans.SelectMany(p => p.PossibleMatches).Distinct().ToList();
        var trips = plans.SelectMany(p => p.CourtTrips).Distinct().ToList();
        // docs/plan.md "rejected[]": sorted by source, line, path, reason, as one plan sorts them.
        var rejected = unfiledRejections.Concat(plans.SelectMany(p => p.Rejected)).Distinct()
            .OrderBy(r => r.Where, SourceRefComparer.Instance).ThenBy(r => r.Reason, StringComparer.Ordinal).ToList();
        var matches = plans.SelectMany(p => p.Matches).Distinct().ToList();
        var counts = new PlanCounts
        {
            RegisterClients = registerClients,
            CourtListings = plans.Sum(p => p.Counts.CourtListings),
            CourtResults = plans.Sum(p => p.Counts.CourtResults),
            Discharges = plans.Sum(p => p.Counts.Discharges),
            Matched = plans.Sum(p => p.Counts.Matched),
            PossibleMatches = plans.Sum(p => p.Counts.PossibleMatches),
            Unmatched = plans.Sum(p => p.Counts.Unmatched),
            Ignored = plans.Sum(p => p.Counts.Ignored),
            Events = events.Count,
            AlertsReady = alerts.Count(a => a.Status == AlertStatus.Ready),
            AlertsHeld = alerts.Count(a => a.Status == AlertStatus.Held),
            ObligationsOpened = opened.Count,
            ObligationsClosed = closed.Count,
            Tasks = tasks.Count,
            Rejected = rejected.Count,
        };
        return new Plan(now, directoryVersion, events, alerts, opened, closed, tasks, possible, trips, rejected, counts) { Matches = matches };
    }
}
