namespace ContinuityOfCare.Hub.State;

/// <summary>The result of <see cref="IngestedFileStore.TryClaimAsync"/>.</summary>
/// <param name="Claimed">True when this call claimed the file (first sight): enqueue it.</param>
/// <param name="File">The stored row (this claim, or the earlier one).</param>
public sealed record IngestClaim(bool Claimed, IngestedFile File)
{
    /// <summary>Seen before and finished (processed or rejected): nothing to do.</summary>
    public bool AlreadyIngested => !Claimed && File.Status != IngestedFileStatus.Claimed;
}
