using ContinuityOfCare.Core.Time;
using NodaTime;

namespace ContinuityOfCare.Core.Obligations;

/// <summary>
/// docs/domain.md "Escalation": an obligation past its due instant escalates once per level — level 1 the owner's SPOC
/// ("overdue") as soon as it is past due; level 2 the owner's escalation contact once the grace (working days, see
/// <see cref="EscalationPolicy"/>) after level 1 was sent has passed; level 3 the regional team likewise after level 2.
/// Each level at most once, ever; levels in order (a missed run never sends two at once — the next run sends the
/// next); fulfilment or cancellation at any point stops the ladder.
/// The grace counts from when the previous level was actually sent, so every recipient gets the full grace to act.
/// "After N working days" is the end (23:59:59 local) of the N-th working day after the local date it was sent.
/// </summary>
public sealed class EscalationLadder
{
    private readonly WorkingCalendar _calendar;
    private readonly EscalationPolicy _policy;

    /// <summary>Creates a ladder for one calendar and policy; "now" is always the caller's argument (Core reads no clock).</summary>
    public EscalationLadder(WorkingCalendar calendar, EscalationPolicy policy)
    {
        _calendar = calendar ?? throw new ArgumentNullException(nameof(calendar));
        _policy = policy ?? throw new ArgumentNullException(nameof(policy));
    }

    /// <summary>The decision for <paramref name="obligation"/> at <paramref name="now"/>.</summary>
    /// <exception cref="CalendarCoverageException">The grace needs a year the calendar does not cover.</exception>
    public EscalationDecision Decide(Obligation obligation, IReadOnlyCollection<EscalationRecord> history, Instant now) =>
        Decide(obligation, history, now, _calendar, _policy);

    /// <summary>
    /// When the grace after level <paramref name="sentLevel"/>, sent at <paramref name="sentAt"/>, ends: the end
    /// (23:59:59 London) of the policy's N-th working day after the London date it was sent. The next level is due
    /// strictly after it.
    /// </summary>
    /// <exception cref="CalendarCoverageException">The grace needs a year the calendar does not cover.</exception>
    public static Instant GraceEnds(Instant sentAt, int sentLevel, WorkingCalendar calendar, EscalationPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(policy);
        return LondonTime.EndOf(calendar.WorkingDaysAfter(LondonTime.ToLocal(sentAt).Date, policy.GraceAfter(sentLevel)));
    }

    /// <summary>The pure decision: which level, if any, is due at <paramref name="now"/>.</summary>
    /// <param name="obligation">The obligation (its state and due instant).</param>
    /// <param name="history">Escalations already sent for it (any order; repeats tolerated).</param>
    /// <param name="now">The instant of the decision.</param>
    /// <param name="calendar">The working-day calendar for the grace.</param>
    /// <param name="policy">The grace before levels 2 and 3.</param>
    /// <exception cref="CalendarCoverageException">The grace needs a year the calendar does not cover.</exception>
    public static EscalationDecision Decide(
        Obligation obligation,
        IReadOnlyCollection<EscalationRecord> history,
        Instant now,
        WorkingCalendar calendar,
        EscalationPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(obligation);
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(policy);

        var lateness = obligation.LatenessAt(now);
        if (obligation.IsClosed)
        {
            return EscalationDecision.None(lateness, $"obligation is {obligation.State}: fulfilment or cancellation stops the ladder");
        }

        if (now <= obligation.Due)
        {
            return EscalationDecision.None(lateness, "not past its due instant");
        }

        var highestSent = HighestSent(obligation, history);
        if (highestSent >= 3)
        {
            return EscalationDecision.None(lateness, "every level has been sent (each level sends once, ever)");
        }

        if (highestSent == 0)
        {
            return new EscalationDecision(1, obligation.Due, lateness, "past its due instant: level 1 (the owner's SPOC)");
        }

        var grace = policy.GraceAfter(highestSent);
        var graceEnds = GraceEnds(obligation, history, highestSent, calendar, policy);
        var next = highestSent + 1;
        var recipient = next == 2 ? "the owner's escalation contact" : "the regional team";
        return now > graceEnds
            ? new EscalationDecision(next, graceEnds, lateness,
                $"{grace} working day(s) of grace after level {highestSent} ended {LondonTime.Format(graceEnds)}: level {next} ({recipient})")
            : EscalationDecision.None(lateness,
                $"level {highestSent} sent; level {next} waits until the grace ends {LondonTime.Format(graceEnds)}");
    }

    /// <summary>
    /// The first instant at which <see cref="Decide(Obligation, IReadOnlyCollection{EscalationRecord}, Instant, WorkingCalendar, EscalationPolicy)"/>
    /// can send the next level: one second after the due instant before level 1; after level k, one second after the
    /// grace ends; null once the obligation is closed or level 3 is sent.
    /// </summary>
    /// <exception cref="CalendarCoverageException">The grace needs a year the calendar does not cover.</exception>
    public static Instant? NextDecisionAt(
        Obligation obligation, IReadOnlyCollection<EscalationRecord> history, WorkingCalendar calendar, EscalationPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(obligation);
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(policy);
        var highestSent = HighestSent(obligation, history);
        if (obligation.IsClosed || highestSent >= 3)
        {
            return null;
        }

        // The ladder escalates strictly after the due instant, and strictly after the grace ends.
        var threshold = highestSent == 0 ? obligation.Due : GraceEnds(obligation, history, highestSent, calendar, policy);
        return threshold + Duration.FromSeconds(1);
    }

    /// <summary>The highest level sent, from the history or the state, whichever says more.</summary>
    private static int HighestSent(Obligation obligation, IReadOnlyCollection<EscalationRecord> history) =>
        Math.Max(history.Count == 0 ? 0 : history.Max(h => h.Level), ObligationLifecycle.EscalationLevelOf(obligation.State));

    /// <summary>The end of the grace after level <paramref name="highestSent"/> (1 or 2) was sent.</summary>
    private static Instant GraceEnds(
        Obligation obligation, IReadOnlyCollection<EscalationRecord> history, int highestSent, WorkingCalendar calendar, EscalationPolicy policy)
    {
        // When the previous level went out; a state that claims a level the history lacks counts from the due instant.
        var previousSentAt = history.Where(h => h.Level == highestSent).Select(h => (Instant?)h.SentAt).Min() ?? obligation.Due;
        return GraceEnds(previousSentAt, highestSent, calendar, policy);
    }
}
