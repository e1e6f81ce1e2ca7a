namespace ContinuityOfCare.Hub.Pipeline.Messages;

/// <summary>A file waiting in an inbox container to be ingested (queue <see cref="PipelineQueues.Ingest"/>).</summary>
/// <param name="Container">The inbox container (<c>court-lists</c>, <c>court-results</c>, <c>discharges</c>, <c>clients</c>, <c>calendar</c>).</param>
/// <param name="BlobName">The blob's name in that container.</param>
/// <param name="Sha256">The SHA-256 of the bytes when the sender knew it (lower-case hex); the ingest function recomputes it anyway.</param>
public sealed record IngestMessage(string Container, string BlobName, string? Sha256 = null);
