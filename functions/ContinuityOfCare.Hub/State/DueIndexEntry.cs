using NodaTime;

namespace ContinuityOfCare.Hub.State;

/// <summary>One row of the open-by-due index: an obligation that is open (or escalating) and its due instant.</summary>
/// <param name="ObligationId">The obligation.</param>
/// <param name="Due">Its due instant.</param>
public sealed record DueIndexEntry(string ObligationId, Instant Due)
{
    internal string PartitionKey { get; init; } = string.Empty;

    internal string RowKey { get; init; } = string.Empty;

    internal DateTimeOffset? WrittenAt { get; init; }
}
