namespace ContinuityOfCare.Hub.Pipeline.Messages;

/// <summary>
/// "Check this obligation now" (queue <see cref="PipelineQueues.Deadline"/>): sent with a visibility delay so it
/// arrives at the due instant (or at the 7-day limit, to be re-scheduled).
/// </summary>
/// <param name="ObligationId">The obligation.</param>
public sealed record DeadlineMessage(string ObligationId);
