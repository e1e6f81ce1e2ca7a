using ContinuityOfCare.Core.Matching;
using ContinuityOfCare.Hub.State;
using NodaTime;

namespace ContinuityOfCare.Hub.Api;

/// <summary>A held possible match as the API shows it: ids, the source record's locator and why it is only possible. No particulars.</summary>
/// <param name="Id">The match id (for confirm/reject).</param>
/// <param name="ClientId">The candidate client's register id.</param>
/// <param name="SourceFile">The input file the record came from.</param>
/// <param name="SourceLine">Its line (CSV inputs), or null.</param>
/// <param name="SourcePath">Its JSON path (JSON inputs), or null.</param>
/// <param name="Reason">Why the match is only possible (e.g. day and month of birth swapped).</param>
/// <param name="Status">held, confirmed or rejected.</param>
/// <param name="HeldAt">When it was held.</param>
/// <param name="DecidedAt">When a person decided.</param>
/// <param name="DecidedBy">Who decided.</param>
/// <param name="Weight">The match weight in bits that held it (docs/plan.md "Match weight"), when computed.</param>
/// <param name="WeightParts">Its parts: field, agreement level, weight — why it was held, nothing about the person.</param>
public sealed record PossibleMatchView(
    string Id,
    string ClientId,
    string SourceFile,
    int? SourceLine,
    string? SourcePath,
    string Reason,
    PossibleMatchStatus Status,
    Instant HeldAt,
    Instant? DecidedAt,
    string? DecidedBy,
    double? Weight,
    IReadOnlyList<MatchWeightPart>? WeightParts)
{
    /// <summary>The view of <paramref name="match"/>.</summary>
    public static PossibleMatchView From(HeldPossibleMatch match)
    {
        ArgumentNullException.ThrowIfNull(match);
        return new PossibleMatchView(
            match.Id, match.ClientId, match.Source.SourceFile, match.Source.Line, match.Source.JsonPath, match.Reason,
            match.Status, match.HeldAt, match.DecidedAt, match.DecidedBy, match.Weight?.Total, match.Weight?.Parts);
    }
}
