namespace ContinuityOfCare.Hub.Retention;

/// <summary>What one retention sweep did: counts only, never file names (they may carry court or prison codes and dates).</summary>
/// <param name="Examined">Blobs looked at.</param>
/// <param name="Deleted">Blobs older than the retention period that were deleted.</param>
/// <param name="Kept">Blobs kept (younger than the period, or the bank-holiday file in force).</param>
public sealed record RetentionResult(int Examined, int Deleted, int Kept);
