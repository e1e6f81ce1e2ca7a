namespace ContinuityOfCare.Hub.State;

/// <summary>What <see cref="ObligationStore.ReadOverdueAsync"/> found.</summary>
/// <param name="Obligations">The overdue obligations not yet closed, earliest due first.</param>
/// <param name="IndexRowsRead">Rows read from the due index (equals the overdue open obligations unless stale rows were met).</param>
/// <param name="StaleRowsRemoved">Due-index rows left by interrupted writes and removed now.</param>
public sealed record OverdueSweep(IReadOnlyList<StoredObligation> Obligations, int IndexRowsRead, int StaleRowsRemoved);
