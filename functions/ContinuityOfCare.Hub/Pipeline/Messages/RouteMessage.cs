namespace ContinuityOfCare.Hub.Pipeline.Messages;

/// <summary>An ingested feed file to plan and route as a whole (queue <see cref="PipelineQueues.Route"/>).</summary>
/// <param name="Sha256">The file's identity: the SHA-256 of its bytes (lower-case hex).</param>
/// <param name="Container">The inbox it came from (decides the parser).</param>
/// <param name="FileName">The name it arrived under (the source name in events and rejections).</param>
/// <param name="ProcessedBlobName">Where it now lives in the <c>processed</c> container.</param>
/// <param name="CourtCode">A court list's court code given with the file (upload <c>?courtcode=</c> or blob metadata <c>courtcode</c>), when its name carries none.</param>
public sealed record RouteMessage(string Sha256, string Container, string FileName, string ProcessedBlobName, string? CourtCode = null);
