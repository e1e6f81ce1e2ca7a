using NodaTime;

namespace ContinuityOfCare.Hub.State;

/// <summary>One file the hub has seen, by the SHA-256 of its bytes.</summary>
/// <param name="Sha256">Lower-case hex SHA-256 of the bytes.</param>
/// <param name="FileName">The name it arrived under (the first time).</param>
/// <param name="Kind">The inbox it came from (<c>court-lists</c>, <c>discharges</c>, …).</param>
/// <param name="Status">Claimed, processed or rejected.</param>
/// <param name="ClaimedAt">When it was first claimed.</param>
/// <param name="CompletedAt">When its outcome was recorded.</param>
/// <param name="RecordsAccepted">Records parsed.</param>
/// <param name="RecordsRejected">Records rejected (listed in the report).</param>
/// <param name="ReportBlobName">The per-file report blob, when one was written.</param>
public sealed record IngestedFile(
    string Sha256,
    string FileName,
    string Kind,
    IngestedFileStatus Status,
    Instant ClaimedAt,
    Instant? CompletedAt,
    int RecordsAccepted,
    int RecordsRejected,
    string? ReportBlobName);
