using Microsoft.DurableTask;

namespace ContinuityOfCare.FunctionApp.Obligations;

/// <summary>
/// The obligation orchestration's own fixed waits (docs/pipeline.md "Obligations as orchestrations"), constant for a
/// deployment so that a replay computes the same timers: how an activity that throws is retried, and how often a
/// level's queued email is looked at until it has left the outbox. Tests pass shorter ones.
/// </summary>
/// <param name="ActivityAttempts">Attempts per activity call, the first included, before the orchestration fails.</param>
/// <param name="FirstActivityRetry">The wait before the second attempt; doubled before each further one.</param>
/// <param name="FirstEmailCheck">The wait before a queued level's email is first looked at again.</param>
/// <param name="LongestEmailCheck">The longest wait between two looks (the wait doubles up to this).</param>
public sealed record ObligationTiming(int ActivityAttempts, TimeSpan FirstActivityRetry, TimeSpan FirstEmailCheck, TimeSpan LongestEmailCheck)
{
    /// <summary>5 attempts from 30 s (a storage blip of some minutes is ridden out); email looked at after 1 min, doubling to 15 min.</summary>
    public static ObligationTiming Default { get; } = new(5, TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(15));

    /// <summary>The options every activity call carries: the bounded exponential retry.</summary>
    public TaskOptions ActivityOptions => TaskOptions.FromRetryPolicy(new RetryPolicy(ActivityAttempts, FirstActivityRetry, backoffCoefficient: 2));

    /// <summary>The wait after <paramref name="previous"/> (null for the first): doubled, at most <see cref="LongestEmailCheck"/>.</summary>
    public TimeSpan NextEmailCheck(TimeSpan? previous) =>
        previous is { } last ? TimeSpan.FromTicks(Math.Min(last.Ticks * 2, LongestEmailCheck.Ticks)) : FirstEmailCheck;
}
