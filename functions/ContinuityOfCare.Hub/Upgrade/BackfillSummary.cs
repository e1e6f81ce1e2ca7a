namespace ContinuityOfCare.Hub.Upgrade;

/// <summary>What one start-up backfill did: rows it wrote and rows it could not use (counts only, no personal data).</summary>
/// <param name="Written">Rows written (or, for a file, files whose arrivals were recorded).</param>
/// <param name="Skipped">Rows left as they were because they could not be used (each counted, none stops start-up).</param>
public sealed record BackfillSummary(int Written, int Skipped);
