using NodaTime;

namespace ContinuityOfCare.Hub.State;

/// <summary>An operator notice about the hub itself (missing feed, calendar running out). No personal data.</summary>
/// <param name="Key">What it is about, e.g. <c>missing-feed:court-lists</c> or <c>missing-feed:discharges:HMP123</c>.</param>
/// <param name="Day">The day it is for (the caller's working day in Europe/London): at most one notice per key per day.</param>
/// <param name="Kind">A code, e.g. <c>MISSING_FEED</c>, <c>CALENDAR_EXPIRING</c>.</param>
/// <param name="Message">One line for the operator.</param>
/// <param name="RaisedAt">When it was raised.</param>
public sealed record HubNotice(string Key, LocalDate Day, string Kind, string Message, Instant RaisedAt);
