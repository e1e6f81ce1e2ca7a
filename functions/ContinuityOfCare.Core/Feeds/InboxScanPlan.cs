namespace ContinuityOfCare.Core.Feeds;

/// <summary>What a scheduled inbox scan decided: what to enqueue and why the rest was left alone.</summary>
/// <param name="ToEnqueue">Enqueue each once (in this order: reference data first, then by name).</param>
/// <param name="AlreadyIngested">Their key is in the already-ingested set: nothing to do (the ingest function may still move them to processed/).</param>
/// <param name="Duplicates">The same key as an earlier entry of this listing (same bytes under another name or container).</param>
/// <param name="NotInbox">In a container that is not an inbox (<see cref="InboxContainers.Inboxes"/>): never ingested.</param>
public sealed record InboxScanPlan(
    IReadOnlyList<InboxScanEntry> ToEnqueue,
    IReadOnlyList<InboxScanEntry> AlreadyIngested,
    IReadOnlyList<InboxScanEntry> Duplicates,
    IReadOnlyList<InboxScanEntry> NotInbox);
