using NodaTime;

namespace ContinuityOfCare.Mail.Outbox;

/// <summary>
/// One stored operator notice, whatever raised it (a feed that did not arrive, the calendar running out, an alert held
/// or bounced, the relay down): the one shape of the one notices table. Ids, codes and counts only, never client data.
/// </summary>
/// <param name="Key">What it is about; unique per <paramref name="Day"/> (raising the same key again that day is a no-op).</param>
/// <param name="Day">The Europe/London day it belongs to: the table's partition, so a period is read by partition range.</param>
/// <param name="Kind">A code: an <see cref="OperatorNoticeKind"/> name for delivery notices, e.g. <c>MISSING_FEED</c> for the hub's.</param>
/// <param name="Message">One line for the operator.</param>
/// <param name="RaisedAt">When it was raised.</param>
/// <param name="AlertId">The alert a delivery notice is about, else empty.</param>
/// <param name="AlertReference">That alert's printed reference, else empty.</param>
/// <param name="RecipientOrgCode">That alert's recipient organisation, else empty.</param>
public sealed record NoticeRecord(
    string Key,
    LocalDate Day,
    string Kind,
    string Message,
    Instant RaisedAt,
    string AlertId = "",
    string AlertReference = "",
    string RecipientOrgCode = "");
