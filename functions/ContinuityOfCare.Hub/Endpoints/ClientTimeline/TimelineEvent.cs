using ContinuityOfCare.Core.Events;
using NodaTime;

namespace ContinuityOfCare.Hub.Endpoints.ClientTimeline;

/// <summary>An event in a client's timeline: codes, places and times only (events never hold particulars).</summary>
/// <param name="Id">The event id.</param>
/// <param name="Kind">What happened.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="ProcessPoint">The guidance process point, e.g. <c>000 §PP8</c>.</param>
/// <param name="PrisonCode">The prison concerned, if any.</param>
/// <param name="ToPrisonCode">The receiving prison of a transfer, if any.</param>
/// <param name="CourtCode">The court, for court events.</param>
/// <param name="Detail">The outcome or movement reason code.</param>
/// <param name="SourceFile">The input file it was detected in.</param>
/// <param name="SourceLine">The record's line, for CSV inputs.</param>
public sealed record TimelineEvent(
    string Id,
    EventKind Kind,
    Instant OccurredAt,
    string ProcessPoint,
    string? PrisonCode,
    string? ToPrisonCode,
    string? CourtCode,
    string? Detail,
    string SourceFile,
    int? SourceLine)
{
    /// <summary>The view of <paramref name="e"/>.</summary>
    public static TimelineEvent From(CareEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new TimelineEvent(e.Id, e.Kind, e.OccurredAt, e.ProcessPoint, e.PrisonCode, e.ToPrisonCode, e.CourtCode, e.Detail, e.Source.SourceFile, e.Source.Line);
    }
}
