using ContinuityOfCare.Core.Time;
using NodaTime;

namespace ContinuityOfCare.Core.Obligations;

/// <summary>
/// domain.md "Escalation": an obligation past its due instant escalates once per level — level 1 the owner's SPOC
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
    private readonly IClock _clock;

    /// <summary>Creates a ladder reading "now" from <paramref name="clock"/> (the shell's clock; tests pass a fake).</summary>
    public EscalationLadder(WorkingCalendar calendar, EscalationPolicy policy, IClock clock)
    {
        _calendar = calendar ?? throw new ArgumentNullException(nameof(calendar));
        _policy = policy ?? throw new ArgumentNullException(nameof(policy));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
    }

    /// <summary>The decision for <paramref name="obligation"/> at the clock's current instant.</summary>
    /// <exception cref="CalendarCoverageException">The grace needs a year the calendar does not cover.</exception>
    public EscalationDecision DecideNow(Obligation obligation, IReadOnlyCollection<EscalationRecord> history) =>
        Decide(obligation, history, _clock.GetCurrentInstant(), _calendar, _policy);

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

        var highestInHistory = history.Count == 0 ? 0 : history.Max(h => h.Level);
        var highestSent = Math.Max(highestInHistory, ObligationLifecycle.EscalationLevelOf(obligation.State));
        if (highestSent >= 3)
        {
            return EscalationDecision.None(lateness, "every level has been sent (each level sends once, ever)");
        }

        if (highestSent == 0)
        {
            return new EscalationDecision(1, obligation.Due, lateness, "past its due instant: level 1 (the owner's SPOC)");
        }

        // When the previous level went out; a state that claims a level the history lacks counts from the due instant.
        var previousSentAt = history.Where(h => h.Level == highestSent).Select(h => (Instant?)h.SentAt).Min() ?? obligation.Due;
        var grace = policy.GraceAfter(highestSent);
        var graceEnds = GraceEnds(previousSentAt, highestSent, calendar, policy);
        var next = highestSent + 1;
        var recipient = next == 2 ? "the owner's escalation contact" : "the regional team";
        return now > graceEnds
            ? new EscalationDecision(next, graceEnds, lateness,
                $"{grace} working day(s) of grace after level {highestSent} ended {LondonTime.Format(graceEnds)}: level {next} ({recipient})")
            : EscalationDecision.None(lateness,
                $"level {highestSent} sent; level {next} waits until the grace ends {LondonTime.Format(graceEnds)}");
    }
}
