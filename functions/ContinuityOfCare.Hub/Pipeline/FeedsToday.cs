using ContinuityOfCare.Core.Feeds;
using NodaTime;

namespace ContinuityOfCare.Hub.Pipeline;

/// <summary>What <see cref="FeedWatch.TodayAsync"/> found: the feeds expected today, and what arrived.</summary>
/// <param name="Today">Today's Europe/London date.</param>
/// <param name="Expected">Today's court list (on a working day) and each prison's export covering yesterday, each arrived or not.</param>
/// <param name="Received">Every feed recorded for checking today in the feed-arrival index: today's court lists (by court) and the exports covering yesterday (by prison).</param>
/// <param name="CutOffs">The cut-offs the rule applied.</param>
public sealed record FeedsToday(LocalDate Today, IReadOnlyList<ExpectedFeed> Expected, IReadOnlyList<FeedReceipt> Received, FeedAlarmOptions CutOffs);
