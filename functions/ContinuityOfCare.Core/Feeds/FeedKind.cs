namespace ContinuityOfCare.Core.Feeds;

/// <summary>The daily feeds whose absence raises an operator notice.</summary>
public enum FeedKind
{
    /// <summary>An HMCTS court list (formats.md §1), inbox <see cref="InboxContainers.CourtLists"/>.</summary>
    CourtList,

    /// <summary>A prison's LIDS discharge export (formats.md §3: one file per prison per day), inbox <see cref="InboxContainers.Discharges"/>.</summary>
    DischargeExport,
}
