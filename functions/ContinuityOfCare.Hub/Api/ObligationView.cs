using ContinuityOfCare.Core.Obligations;
using ContinuityOfCare.Core.Time;
using ContinuityOfCare.Hub.State;
using NodaTime;

namespace ContinuityOfCare.Hub.Api;

/// <summary>
/// An obligation as the API shows it (docs/api.md "`GET /api/obligations?owner=&amp;status=&amp;dueBefore=`"): ids and codes, the due instant (UTC and Europe/London),
/// its state and how late it is. No client particulars; the closing note is not listed (free text from a person).
/// </summary>
/// <param name="Id">The obligation id.</param>
/// <param name="Rule">The rule id, e.g. <c>cjit.dir-to-prison</c>.</param>
/// <param name="Owner">The owning organisation's directory code.</param>
/// <param name="ClientId">The client's register id.</param>
/// <param name="EventId">The event that opened it.</param>
/// <param name="MustDo">What must be done.</param>
/// <param name="StartedAt">When the deadline started counting.</param>
/// <param name="Due">The due instant.</param>
/// <param name="DueLocal">The due instant in Europe/London (docs/domain.md "Time, days and the 24-hour rule": deadlines are shown in London time).</param>
/// <param name="Status">The lifecycle state.</param>
/// <param name="LateFromStart">Already past due when opened (000 §PP7).</param>
/// <param name="IsLate">Fulfilled late, or not closed and past due now.</param>
/// <param name="LatenessHours">How late in hours (fulfilment − due, or now − due while open); 0 when not late.</param>
/// <param name="EscalationLevels">The escalation levels sent, lowest first.</param>
/// <param name="ClosedAt">When it was fulfilled or cancelled.</param>
/// <param name="ClosedBy">Who fulfilled or cancelled it.</param>
public sealed record ObligationView(
    string Id,
    string Rule,
    string Owner,
    string ClientId,
    string EventId,
    string MustDo,
    Instant StartedAt,
    Instant Due,
    string DueLocal,
    ObligationState Status,
    bool LateFromStart,
    bool IsLate,
    double LatenessHours,
    IReadOnlyList<int> EscalationLevels,
    Instant? ClosedAt,
    string? ClosedBy)
{
    /// <summary>The view of <paramref name="stored"/> judged at <paramref name="now"/>.</summary>
    public static ObligationView From(StoredObligation stored, Instant now)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var o = stored.Obligation;
        // Closed: lateness is fixed at closing (a cancellation is never late). Open: it grows until fulfilled.
        var lateness = o.State switch
        {
            ObligationState.FulfilledLate when o.ClosedAt is { } closedAt => closedAt - o.Due,
            ObligationState.FulfilledOnTime or ObligationState.FulfilledLate or ObligationState.Cancelled => Duration.Zero,
            _ => o.LatenessAt(now),
        };
        return new ObligationView(
            o.Id, o.RuleId, o.OwnerOrganisationId, stored.ClientId, stored.EventId, stored.MustDo, o.StartedAt, o.Due,
            LondonTime.FormatIso(o.Due), o.State, o.LateFromStart, lateness > Duration.Zero,
            Math.Round(lateness.TotalHours, 2), [.. stored.Escalations.Select(e => e.Level)], o.ClosedAt, stored.ClosedBy);
    }
}
