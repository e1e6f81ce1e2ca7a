using ContinuityOfCare.Core.Time;
using NodaTime;

namespace ContinuityOfCare.Core.Obligations;

/// <summary>
/// One obligation: a rule, an owner organisation, a due instant and where it is in its lifecycle (docs/domain.md
/// "Obligations and their deadlines"). Immutable: the transition methods return modified copies and throw
/// <see cref="InvalidObligationTransitionException"/> for moves <see cref="ObligationLifecycle"/> forbids.
/// </summary>
/// <param name="Id">Deterministic id (architecture.md: rule + event), never personal data.</param>
/// <param name="RuleId">The rule (<see cref="RuleIds"/>).</param>
/// <param name="OwnerOrganisationId">The owning organisation's directory id.</param>
/// <param name="StartedAt">The instant the deadline counts from.</param>
/// <param name="Due">The due instant.</param>
/// <param name="LateFromStart">True when the deadline had already passed at the start (000 §PP7).</param>
/// <param name="Priority">000 §PP2 note, §PP5: PPO clients first.</param>
/// <param name="State">The lifecycle state.</param>
/// <param name="ClosedAt">When it was fulfilled or cancelled; null while not closed.</param>
public sealed record Obligation(
    string Id,
    string RuleId,
    string OwnerOrganisationId,
    Instant StartedAt,
    Instant Due,
    bool LateFromStart,
    ObligationPriority Priority,
    ObligationState State = ObligationState.Open,
    Instant? ClosedAt = null)
{
    /// <summary>Orders obligations for reports and escalation runs: PPO first (000 §PP2 note, §PP5), then earliest due, then id.</summary>
    public static IComparer<Obligation> PriorityOrder { get; } = Comparer<Obligation>.Create((x, y) =>
    {
        var byPriority = y.Priority.CompareTo(x.Priority);
        if (byPriority != 0)
        {
            return byPriority;
        }

        var byDue = x.Due.CompareTo(y.Due);
        return byDue != 0 ? byDue : string.CompareOrdinal(x.Id, y.Id);
    });

    /// <summary>Opens an obligation of <paramref name="rule"/> started at <paramref name="start"/>, computing its due instant.</summary>
    /// <exception cref="CalendarCoverageException">The deadline needs a year the calendar does not cover.</exception>
    /// <exception cref="ArgumentException">A rule that counts back from a date (release planning) without <paramref name="referenceDate"/>.</exception>
    public static Obligation Open(
        string id,
        ObligationRule rule,
        string ownerOrganisationId,
        Instant start,
        WorkingCalendar calendar,
        ObligationPriority priority = ObligationPriority.Standard,
        LocalDate? referenceDate = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentException.ThrowIfNullOrWhiteSpace(ownerOrganisationId);
        var due = DeadlineCalculator.Due(rule.Deadline, start, calendar, referenceDate);
        return new Obligation(id, rule.Id, ownerOrganisationId, start, due.Due, due.LateFromStart, priority);
    }

    /// <summary>True when fulfilled or cancelled.</summary>
    public bool IsClosed => ObligationLifecycle.IsClosed(State);

    /// <summary>How late the obligation is at <paramref name="now"/> (zero when not past due).</summary>
    public Duration LatenessAt(Instant now) => now > Due ? now - Due : Duration.Zero;

    /// <summary>Fulfilled at <paramref name="at"/>: on time when at or before <see cref="Due"/>, else late.</summary>
    /// <exception cref="InvalidObligationTransitionException">Already fulfilled or cancelled.</exception>
    public Obligation Fulfil(Instant at) => this with { State = ObligationLifecycle.Fulfil(State, at, Due), ClosedAt = at };

    /// <summary>Cancelled at <paramref name="at"/> (superseded, e.g. a release cancels pending in-prison obligations).</summary>
    /// <exception cref="InvalidObligationTransitionException">Already fulfilled or cancelled.</exception>
    public Obligation Cancel(Instant at) => this with { State = ObligationLifecycle.Cancel(State), ClosedAt = at };

    /// <summary>Open → Overdue once <paramref name="now"/> is past <see cref="Due"/>.</summary>
    /// <exception cref="InvalidObligationTransitionException">Not open, or not past due.</exception>
    public Obligation MarkOverdue(Instant now) => this with { State = ObligationLifecycle.MarkOverdue(State, now, Due) };

    /// <summary>Records escalation level <paramref name="level"/> as sent (levels in order, each once).</summary>
    /// <exception cref="InvalidObligationTransitionException">Not at the previous level.</exception>
    public Obligation Escalate(int level) => this with { State = ObligationLifecycle.Escalate(State, level) };

    /// <summary>
    /// This obligation with escalation level <paramref name="level"/> recorded as sent at <paramref name="sentAt"/>, or
    /// null when the lifecycle forbids it (closed, out of order, or not past due) — see <see cref="ObligationLifecycle.AfterEscalation"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is not 1, 2 or 3.</exception>
    public Obligation? WithEscalationSent(int level, Instant sentAt) =>
        ObligationLifecycle.AfterEscalation(State, level, sentAt, Due) is { } next ? this with { State = next } : null;
}
