using NodaTime;

namespace ContinuityOfCare.Core.Reporting;

/// <summary>
/// The timeliness figures of one cohort of obligations (docs/domain.md "What the guidance measures": opened, fulfilled on
/// time, fulfilled late, overdue now, median lateness; 004 §6: "number and % … within N days"). Every obligation of
/// the cohort is in exactly one outcome: <c>Opened = FulfilledOnTime + FulfilledLate + OverdueNow + Pending + Cancelled</c>.
/// Aggregates only: nothing here identifies a client.
/// </summary>
/// <param name="Opened">Obligations opened in the period (the cohort).</param>
/// <param name="FulfilledOnTime">Fulfilled at or before the due instant.</param>
/// <param name="FulfilledLate">Fulfilled after the due instant.</param>
/// <param name="OverdueNow">Not fulfilled or cancelled, and past due at the report instant.</param>
/// <param name="Pending">Not fulfilled or cancelled, and not yet due at the report instant.</param>
/// <param name="Cancelled">Superseded by a later event (no verdict on timeliness).</param>
/// <param name="MedianLateness">The median of (fulfilled − due) over the late fulfilments; null when there are none.</param>
public sealed record ComplianceFigures(
    int Opened,
    int FulfilledOnTime,
    int FulfilledLate,
    int OverdueNow,
    int Pending,
    int Cancelled,
    Duration? MedianLateness)
{
    /// <summary>
    /// 004 §6 "number and % … within N days": on time as a percentage of the obligations that have a verdict
    /// (on time + late + overdue now), rounded to one decimal place (half away from zero); null when none has one.
    /// Pending and cancelled obligations have no verdict yet, so they are left out rather than counted as failures.
    /// </summary>
    public decimal? OnTimePercent
    {
        get
        {
            var decided = FulfilledOnTime + FulfilledLate + OverdueNow;
            // Adding 0.0m fixes the scale at one decimal place, so 100 prints as "100.0" like every other value.
            return decided == 0 ? null : Math.Round(100m * FulfilledOnTime / decided, 1, MidpointRounding.AwayFromZero) + 0.0m;
        }
    }

    /// <summary>The median lateness in hours rounded to two decimal places, as the writers show it; null when none was late.</summary>
    public decimal? MedianLatenessHours =>
        MedianLateness is { } median
            ? Math.Round((decimal)median.TotalHours, 2, MidpointRounding.AwayFromZero) + 0.00m // scale fixed at two places: "1.50"
            : null;
}
