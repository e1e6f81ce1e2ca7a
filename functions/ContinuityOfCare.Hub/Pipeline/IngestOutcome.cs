using ContinuityOfCare.Hub.Pipeline.Messages;
using ContinuityOfCare.Hub.State;

namespace ContinuityOfCare.Hub.Pipeline;

/// <summary>What ingesting one inbox file did.</summary>
/// <param name="Status">Processed or rejected (or, for a file gone from the inbox and never seen, nothing).</param>
/// <param name="Sha256">The file's SHA-256, when it was read.</param>
/// <param name="Route">The route message to send, for a feed file that was processed.</param>
/// <param name="AlreadyIngested">True when the same bytes had been ingested before: nothing was done.</param>
public sealed record IngestOutcome(IngestedFileStatus? Status, string? Sha256, RouteMessage? Route, bool AlreadyIngested);
