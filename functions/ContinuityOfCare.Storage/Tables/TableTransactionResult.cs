using Azure;

namespace ContinuityOfCare.Storage.Tables;

/// <summary>The outcome of one action of a committed entity group transaction.</summary>
/// <param name="Status">The action's HTTP status (204 for every action with <c>Prefer: return-no-content</c>).</param>
/// <param name="ETag">The entity's new ETag, or null for a delete.</param>
public sealed record TableTransactionResult(int Status, ETag? ETag);
