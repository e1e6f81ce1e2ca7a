using NodaTime;

namespace ContinuityOfCare.Mail.Outbox;

/// <summary>A notice for the hub's operator about one alert. Carries ids and org codes only, never client data.</summary>
/// <param name="Kind">Why.</param>
/// <param name="AlertId">The alert.</param>
/// <param name="AlertReference">The alert's printed reference.</param>
/// <param name="RecipientOrgCode">The recipient organisation's directory code.</param>
/// <param name="RecipientEmail">The recipient SPOC mailbox (organisation data).</param>
/// <param name="Detail">What happened, e.g. the SMTP reply.</param>
/// <param name="RaisedAt">When.</param>
public sealed record OperatorNotice(
    OperatorNoticeKind Kind,
    string AlertId,
    string AlertReference,
    string RecipientOrgCode,
    string RecipientEmail,
    string Detail,
    Instant RaisedAt)
{
    /// <summary>
    /// Deterministic: the same event raises the same notice once a day (the notice store's partition is the Europe/London
    /// day), however often it is retried; its email is queued under this id, so it is sent once.
    /// </summary>
    public string Id => $"{AlertId}-{Kind}";
}
