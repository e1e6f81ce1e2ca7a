using ContinuityOfCare.Core.Planning;

namespace ContinuityOfCare.Hub.Pipeline;

/// <summary>What routing one file did.</summary>
/// <param name="Plan">The plan made for the file.</param>
/// <param name="AlertIdsToSend">Every alert stored in the outbox for the file (the send step ignores any already sent).</param>
public sealed record RouteOutcome(Plan Plan, IReadOnlyList<string> AlertIdsToSend);
