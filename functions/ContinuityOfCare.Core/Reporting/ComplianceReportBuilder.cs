using ContinuityOfCare.Core.Obligations;
using NodaTime;

namespace ContinuityOfCare.Core.Reporting;

/// <summary>
/// Builds the <see cref="ComplianceReport"/> from obligation snapshots (docs/domain.md "What the guidance measures"; 004 §6
/// "number and % … within N days"). Pure: the caller passes the obligations and the report instant.
/// <para>Cohort: an obligation belongs to the period when its <see cref="Obligation.StartedAt"/> (the instant its
/// deadline counts from) is in [from, to). Its outcome: <see cref="ObligationState.FulfilledOnTime"/> → on time;
/// <see cref="ObligationState.FulfilledLate"/> → late (lateness = closed − due); cancelled → cancelled; any other
/// state → overdue now when <c>now</c> is past due, else pending.</para>
/// </summary>
public static class ComplianceReportBuilder
{
    /// <summary>The report of the obligations opened in [<paramref name="from"/>, <paramref name="to"/>), judged at <paramref name="now"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="to"/> is not after <paramref name="from"/>.</exception>
    public static ComplianceReport Build(IEnumerable<Obligation> obligations, Instant from, Instant to, Instant now)
    {
        ArgumentNullException.ThrowIfNull(obligations);
        if (to <= from)
        {
            throw new ArgumentException("The report period must end after it starts (to > from).", nameof(to));
        }

        var cohort = obligations.Where(o => o is not null && o.StartedAt >= from && o.StartedAt < to).ToList();
        var byRule = cohort
            .GroupBy(o => o.RuleId, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new ComplianceRow(g.Key, null, Figures(g, now)))
            .ToList();
        var byOrganisation = cohort
            .GroupBy(o => o.OwnerOrganisationId, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new ComplianceRow(null, g.Key, Figures(g, now)))
            .ToList();
        var byBoth = cohort
            .GroupBy(o => (o.RuleId, o.OwnerOrganisationId))
            .OrderBy(g => g.Key.RuleId, StringComparer.Ordinal)
            .ThenBy(g => g.Key.OwnerOrganisationId, StringComparer.Ordinal)
            .Select(g => new ComplianceRow(g.Key.RuleId, g.Key.OwnerOrganisationId, Figures(g, now)))
            .ToList();
        return new ComplianceReport(from, to, now, Figures(cohort, now), byRule, byOrganisation, byBoth);
    }

    /// <summary>The figures of one group of obligations judged at <paramref name="now"/>.</summary>
    public static ComplianceFigures Figures(IEnumerable<Obligation> obligations, Instant now)
    {
        ArgumentNullException.ThrowIfNull(obligations);
        int opened = 0, onTime = 0, late = 0, overdue = 0, pending = 0, cancelled = 0;
        var lateness = new List<Duration>();
        foreach (var obligation in obligations)
        {
            opened++;
            switch (obligation.State)
            {
                case ObligationState.FulfilledOnTime:
                    onTime++;
                    break;
                case ObligationState.FulfilledLate:
                    late++;
                    // A late fulfilment always records when it closed; the guard keeps a damaged row from skewing the median.
                    if (obligation.ClosedAt is { } closedAt && closedAt > obligation.Due)
                    {
                        lateness.Add(closedAt - obligation.Due);
                    }

                    break;
                case ObligationState.Cancelled:
                    cancelled++;
                    break;
                default:
                    if (now > obligation.Due)
                    {
                        overdue++;
                    }
                    else
                    {
                        pending++;
                    }

                    break;
            }
        }

        return new ComplianceFigures(opened, onTime, late, overdue, pending, cancelled, Median(lateness));
    }

    /// <summary>The median: the middle value of an odd count, the mean of the two middle values of an even count; null when empty.</summary>
    public static Duration? Median(IReadOnlyCollection<Duration> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return null;
        }

        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
