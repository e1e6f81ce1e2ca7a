using NodaTime;

namespace ContinuityOfCare.Core.Feeds;

/// <summary>
/// A feed the hub expects on a day, and whether it has come (<see cref="MissingFeedAlarms.Expected"/>): the one rule
/// that both the missing-feed notices and the console's Today page read.
/// </summary>
/// <param name="Kind">The feed.</param>
/// <param name="Day">The day it counts for: today for a court list; the day the export covers (yesterday) for a discharge export.</param>
/// <param name="PrisonCode">The prison for a discharge export (normalised); null for the day's court list.</param>
/// <param name="Arrived">True when a matching <see cref="FeedReceipt"/> was received.</param>
/// <param name="CutOffPassed">True when its cut-off has passed today, so a feed that has not arrived is missing (not merely not yet in).</param>
/// <param name="Caveat">Why it is expected when that is an assumption (a day the calendar does not cover), else null.</param>
public sealed record ExpectedFeed(FeedKind Kind, LocalDate Day, string? PrisonCode, bool Arrived, bool CutOffPassed, string? Caveat = null)
{
    /// <summary>Not arrived by its cut-off: an alert in itself (architecture.md "Reliability rules").</summary>
    public bool Missing => !Arrived && CutOffPassed;
}
