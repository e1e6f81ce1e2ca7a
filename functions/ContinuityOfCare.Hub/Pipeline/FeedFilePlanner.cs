using ContinuityOfCare.Core.Directory;
using ContinuityOfCare.Core.Matching;
using ContinuityOfCare.Core.Planning;
using ContinuityOfCare.Core.Time;
using NodaTime;

namespace ContinuityOfCare.Hub.Pipeline;

/// <summary>
/// Plans one feed file on its own (docs/plan.md "One file at a time"): parse it by its inbox, identify its records by
/// the file's SHA-256, and plan them against the register, directory and calendar at the file's "now" — the route
/// step's computation, which <c>coc plan</c> runs for each file it is given so that the preview equals the hub.
/// </summary>
public static class FeedFilePlanner
{
    /// <summary>The parsed file and its plan; a file refused whole has no records and so an empty plan.</summary>
    /// <param name="container">The inbox the file arrived in (<c>court-lists</c>, <c>court-results</c>, <c>discharges</c>).</param>
    /// <param name="fileName">The file's name (records are located by it).</param>
    /// <param name="sha256">The SHA-256 of <paramref name="content"/>, lower-case hex (the file's identity in event ids).</param>
    /// <param name="content">The file's bytes.</param>
    /// <param name="courtCode">A court list's court code given with the file, or null (then the name's <c>CODE__</c> prefix).</param>
    /// <param name="directory">The live SPOC directory.</param>
    /// <param name="index">The matching index of the client register.</param>
    /// <param name="calendar">The working calendar.</param>
    /// <param name="now">The file's "now": in the hub, when the file was claimed.</param>
    /// <param name="options">The planner's options.</param>
    /// <param name="cancellationToken">Cancels parsing.</param>
    public static async Task<(ParsedFeed Parsed, Plan Plan)> PlanAsync(
        string container, string fileName, string sha256, ReadOnlyMemory<byte> content, string? courtCode,
        SpocDirectory directory, MatchingIndex index, WorkingCalendar calendar, Instant now, PlanOptions options,
        CancellationToken cancellationToken)
    {
        var parsed = await FeedParser.ParseAsync(container, fileName, content, courtCode, cancellationToken).ConfigureAwait(false);
        var inputs = new PlanInputs(parsed.CourtListings, parsed.CourtResults, parsed.Discharges, parsed.Rejections,
            new Dictionary<string, string>(StringComparer.Ordinal) { [fileName] = sha256 });
        return (parsed, Planner.Plan(inputs, directory, index, calendar, now, options));
    }
}
