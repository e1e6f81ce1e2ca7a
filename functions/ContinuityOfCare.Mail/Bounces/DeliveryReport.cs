namespace ContinuityOfCare.Mail.Bounces;

/// <summary>One delivery status notification (RFC 3464) as the hub reads it: what to match on and what happened.</summary>
/// <param name="EnvelopeId">The <c>Original-Envelope-Id</c> (the alert id the hub sent as ENVID), when present.</param>
/// <param name="OriginalMessageId">The returned headers' <c>Message-ID</c> (without angle brackets), when present.</param>
/// <param name="Recipients">One entry per recipient the report is about.</param>
public sealed record DeliveryReport(string? EnvelopeId, string? OriginalMessageId, IReadOnlyList<DeliveryReportRecipient> Recipients);
