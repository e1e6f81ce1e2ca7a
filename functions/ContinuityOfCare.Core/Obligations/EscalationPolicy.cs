namespace ContinuityOfCare.Core.Obligations;

/// <summary>
/// docs/domain.md "Escalation": the grace, in working days, before each level after the first. Level 1 is due as soon as
/// the obligation is past its due instant; level k+1 once the end of the k-th grace's last working day after level k
/// was sent has passed.
/// </summary>
/// <param name="Level2GraceWorkingDays">Working days after level 1 was sent (default 1).</param>
/// <param name="Level3GraceWorkingDays">Working days after level 2 was sent (default 1).</param>
public sealed record EscalationPolicy(int Level2GraceWorkingDays, int Level3GraceWorkingDays)
{
    /// <summary>The defaults: 1 working day each.</summary>
    public static EscalationPolicy Default { get; } = new(1, 1);

    /// <summary>Working days after level 1 was sent, at least 1.</summary>
    public int Level2GraceWorkingDays { get; } = AtLeastOne(Level2GraceWorkingDays);

    /// <summary>Working days after level 2 was sent, at least 1.</summary>
    public int Level3GraceWorkingDays { get; } = AtLeastOne(Level3GraceWorkingDays);

    /// <summary>Working days of grace after <paramref name="sentLevel"/> before the next level (1 → level 2, 2 → level 3).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="sentLevel"/> is not 1 or 2.</exception>
    public int GraceAfter(int sentLevel) => sentLevel switch
    {
        1 => Level2GraceWorkingDays,
        2 => Level3GraceWorkingDays,
        _ => throw new ArgumentOutOfRangeException(nameof(sentLevel), sentLevel, "Only levels 1 and 2 have a following level."),
    };

    private static int AtLeastOne(int value) =>
        value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "An escalation grace must be at least 1 working day.");
}
