namespace ContinuityOfCare.Core.Obligations;

/// <summary>
/// 000 §PP2 note, §PP5: the needs of clients flagged as Prolific and other Priority Offenders (PPOs) are prioritised
/// above all others, so their obligations sort first in reports and escalations.
/// </summary>
public enum ObligationPriority
{
    /// <summary>An ordinary client.</summary>
    Standard = 0,

    /// <summary>A client flagged as a PPO.</summary>
    Ppo = 1,
}
