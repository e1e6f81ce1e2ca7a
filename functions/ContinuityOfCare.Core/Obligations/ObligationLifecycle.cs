namespace ContinuityOfCare.Core.Obligations;

/// <summary>
/// The legal moves of an obligation, and the one place that says how an obligation moves (docs/domain.md "Escalation"): pure functions from a
/// state to the next; any other move throws <see cref="InvalidObligationTransitionException"/>.
/// <list type="bullet">
/// <item>Open → Overdue; Overdue → EscalatedLevel1 → EscalatedLevel2 → EscalatedLevel3 (in order, never skipped).</item>
/// <item>Any of those (not closed) → FulfilledOnTime | FulfilledLate | Cancelled.</item>
/// <item>FulfilledOnTime, FulfilledLate, Cancelled: terminal — nothing moves out of them.</item>
/// </list>
/// An obligation is fulfilled on time when the fulfilment instant is at or before the due instant. Proof that
/// arrives late can still show an on-time fulfilment, so an overdue or escalated obligation may end FulfilledOnTime.
/// </summary>
public static class ObligationLifecycle
{
    /// <summary>True for the terminal states (fulfilled or cancelled): the escalation ladder has stopped.</summary>
    public static bool IsClosed(ObligationState state) =>
        state is ObligationState.FulfilledOnTime or ObligationState.FulfilledLate or ObligationState.Cancelled;

    /// <summary>The escalation level a state records as sent (0 for none).</summary>
    public static int EscalationLevelOf(ObligationState state) => state switch
    {
        ObligationState.EscalatedLevel1 => 1,
        ObligationState.EscalatedLevel2 => 2,
        ObligationState.EscalatedLevel3 => 3,
        _ => 0,
    };

    /// <summary>True when <paramref name="from"/> → <paramref name="to"/> is a legal move.</summary>
    public static bool CanMove(ObligationState from, ObligationState to) => (from, to) switch
    {
        _ when IsClosed(from) => false,
        (_, ObligationState.FulfilledOnTime or ObligationState.FulfilledLate or ObligationState.Cancelled) => true,
        (ObligationState.Open, ObligationState.Overdue) => true,
        (ObligationState.Overdue, ObligationState.EscalatedLevel1) => true,
        (ObligationState.EscalatedLevel1, ObligationState.EscalatedLevel2) => true,
        (ObligationState.EscalatedLevel2, ObligationState.EscalatedLevel3) => true,
        _ => false,
    };

    /// <summary>Returns <paramref name="to"/> when the move is legal.</summary>
    /// <exception cref="InvalidObligationTransitionException">The move is not legal.</exception>
    public static ObligationState Move(ObligationState from, ObligationState to) =>
        CanMove(from, to) ? to : throw new InvalidObligationTransitionException(from, to);

    /// <summary>Fulfilment at <paramref name="fulfilledAt"/> of an obligation due at <paramref name="due"/>.</summary>
    /// <exception cref="InvalidObligationTransitionException">The obligation is already closed.</exception>
    public static ObligationState Fulfil(ObligationState from, NodaTime.Instant fulfilledAt, NodaTime.Instant due) =>
        Move(from, fulfilledAt <= due ? ObligationState.FulfilledOnTime : ObligationState.FulfilledLate);

    /// <summary>Cancellation (superseded by a later event).</summary>
    /// <exception cref="InvalidObligationTransitionException">The obligation is already closed.</exception>
    public static ObligationState Cancel(ObligationState from) => Move(from, ObligationState.Cancelled);

    /// <summary>Open → Overdue, only once <paramref name="now"/> is past <paramref name="due"/>.</summary>
    /// <exception cref="InvalidObligationTransitionException">Not open, or not yet past due.</exception>
    public static ObligationState MarkOverdue(ObligationState from, NodaTime.Instant now, NodaTime.Instant due) =>
        now > due
            ? Move(from, ObligationState.Overdue)
            : throw new InvalidObligationTransitionException($"An obligation cannot become overdue before its due instant ({from}).");

    /// <summary>The move recording escalation level <paramref name="level"/> (1–3) as sent; levels go in order.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is not 1, 2 or 3.</exception>
    /// <exception cref="InvalidObligationTransitionException">The previous level is not the current state.</exception>
    public static ObligationState Escalate(ObligationState from, int level) => Move(from, EscalatedTo(level));

    /// <summary>
    /// The state after escalation level <paramref name="level"/> is recorded as sent at <paramref name="sentAt"/>, or
    /// null when that is not a legal move. Levels go in order; an Open obligation already past <paramref name="due"/>
    /// passes through Overdue on the way to level 1, because the run that finds it late sends level 1 at once.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is not 1, 2 or 3.</exception>
    public static ObligationState? AfterEscalation(ObligationState from, int level, NodaTime.Instant sentAt, NodaTime.Instant due)
    {
        var to = EscalatedTo(level);
        var current = from == ObligationState.Open && level == 1 && sentAt > due ? ObligationState.Overdue : from;
        return CanMove(current, to) ? to : null;
    }

    /// <summary>The state recording escalation level <paramref name="level"/> as sent.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is not 1, 2 or 3.</exception>
    public static ObligationState EscalatedTo(int level) => level switch
    {
        1 => ObligationState.EscalatedLevel1,
        2 => ObligationState.EscalatedLevel2,
        3 => ObligationState.EscalatedLevel3,
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "Escalation levels are 1, 2 and 3."),
    };
}
