namespace ContinuityOfCare.Hub.Endpoints.Health;

/// <summary>
/// Alert Forms that needed a person or were repeated in the last <see cref="HealthEndpoint.AttentionDays"/> days,
/// counted from the delivery notices in the one notice store (a partition-range read of a small table, never a scan of
/// the outbox). <c>coc status</c> lists the alerts themselves ("Alert Forms needing attention").
/// </summary>
/// <param name="Unconfirmed">Attempts left without a reply more often than the automatic repeats allow: waiting for <c>coc alert release</c>.</param>
/// <param name="Repeated">Re-sent automatically with the same Message-ID and the "may repeat" line.</param>
/// <param name="Held">Held: the recipient is outside the secure-mail allow-list.</param>
/// <param name="Failed">Refused permanently by the relay.</param>
/// <param name="Bounced">Reported undeliverable by a delivery status notification.</param>
public sealed record AlertAttention(int Unconfirmed, int Repeated, int Held, int Failed, int Bounced);
