namespace ContinuityOfCare.Core.Feeds;

/// <summary>What an <see cref="FeedNotice"/> is about (docs/operations.md "Notices").</summary>
public enum FeedNoticeKind
{
    /// <summary>No court list by the cut-off on a working day (000 Part 1: CJITs scrutinise daily court lists; §PP13).</summary>
    MissingCourtList,

    /// <summary>No discharge export from a prison in the directory for the previous day (000 Annex D: daily LIDS Discharge List checks).</summary>
    MissingDischargeExport,

    /// <summary>The loaded bank-holiday calendar runs out within the warning window (docs/domain.md "Time, days and the 24-hour rule").</summary>
    CalendarRunningOut,
}
