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
    /// <summary>Deterministic: the same event raises the same notice once, however often it is retried.</summary>
    public string Id => $"{AlertId}-{Kind}";
}
