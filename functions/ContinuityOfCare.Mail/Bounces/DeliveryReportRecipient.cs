namespace ContinuityOfCare.Mail.Bounces;

/// <summary>One per-recipient block of a delivery status notification (RFC 3464 §2.3).</summary>
/// <param name="Recipient">The <c>Final-Recipient</c> address (an organisation's mailbox).</param>
/// <param name="Action"><c>failed</c>, <c>delayed</c>, <c>delivered</c>, <c>relayed</c> or <c>expanded</c> (lower-case).</param>
/// <param name="Status">The enhanced status code, e.g. <c>5.1.1</c>.</param>
/// <param name="Diagnostic">The <c>Diagnostic-Code</c> text, when present (the remote server's words, capped).</param>
public sealed record DeliveryReportRecipient(string Recipient, string Action, string Status, string? Diagnostic);
