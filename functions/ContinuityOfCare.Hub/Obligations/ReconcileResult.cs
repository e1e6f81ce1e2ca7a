namespace ContinuityOfCare.Hub.Obligations;

/// <summary>What a reconciliation found.</summary>
/// <param name="OpenChecked">Open obligations (with levels to come) read from the table.</param>
/// <param name="Missing">Ids of those with no orchestration (opaque hashes).</param>
/// <param name="Started">How many this run started (0 in a dry run).</param>
public sealed record ReconcileResult(int OpenChecked, IReadOnlyList<string> Missing, int Started);
