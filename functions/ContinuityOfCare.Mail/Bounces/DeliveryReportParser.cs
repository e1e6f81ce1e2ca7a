using MimeKit;

namespace ContinuityOfCare.Mail.Bounces;

/// <summary>
/// Reads a delivery status notification with MimeKit: a <c>multipart/report; report-type=delivery-status</c> (RFC 3462)
/// whose <c>message/delivery-status</c> part (<see cref="MessageDeliveryStatus"/>) has one per-message block and one
/// block per recipient (RFC 3464 §2), and whose third part returns the original headers (we ask for <c>RET=HDRS</c>).
/// </summary>
public static class DeliveryReportParser
{
    private const int MaxDiagnostic = 300;

    /// <summary>The report, or null when <paramref name="message"/> is not a readable DSN (left in the mailbox, counted).</summary>
    public static DeliveryReport? TryParse(MimeMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var report = FindReport(message.Body);
        var status = report?.OfType<MessageDeliveryStatus>().FirstOrDefault();
        if (status is null || status.StatusGroups.Count < 2)
        {
            return null;
        }

        if (status.StatusGroups.Skip(1).All(group => group.Count == 0))
        {
            return null;
        }

        var perMessage = status.StatusGroups[0];
        var envelopeId = Clean(perMessage["Original-Envelope-Id"]);
        var recipients = new List<DeliveryReportRecipient>();
        // A blank line after the last block reads as one more, empty, group: skip those.
        foreach (var group in status.StatusGroups.Skip(1).Where(group => group.Count > 0))
        {
            var action = Clean(group["Action"])?.ToLowerInvariant();
            var code = Clean(group["Status"]);
            if (action is null || code is null)
            {
                return null;
            }

            recipients.Add(new DeliveryReportRecipient(
                AddressOf(group["Final-Recipient"]) ?? AddressOf(group["Original-Recipient"]) ?? "",
                action,
                code,
                Cap(Clean(group["Diagnostic-Code"]))));
        }

        return new DeliveryReport(envelopeId, OriginalMessageId(report!), recipients);
    }

    private static MultipartReport? FindReport(MimeEntity? entity) => entity switch
    {
        MultipartReport report when string.Equals(report.ReportType, "delivery-status", StringComparison.OrdinalIgnoreCase) => report,
        Multipart multipart => multipart.Select(FindReport).FirstOrDefault(found => found is not null),
        _ => null,
    };

    private static string? OriginalMessageId(MultipartReport report)
    {
        foreach (var part in report.Skip(2))
        {
            // text/rfc822-headers (RET=HDRS) and message/rfc822 (RET=FULL) are both MessageParts in MimeKit.
            if (part is MessagePart { Message: { } original })
            {
                return original.MessageId;
            }
        }

        return null;
    }

    // "rfc822; smt@hmps.gov.uk" → "smt@hmps.gov.uk" (RFC 3464 §2.3.2: address-type ";" generic-address).
    private static string? AddressOf(string? field)
    {
        var value = Clean(field);
        if (value is null)
        {
            return null;
        }

        var separator = value.IndexOf(';', StringComparison.Ordinal);
        return separator < 0 ? value : value[(separator + 1)..].Trim();
    }

    private static string? Clean(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var unfolded = string.Join(' ', value.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries).Select(part => part.Trim()));
        return unfolded.Length == 0 ? null : unfolded;
    }

    private static string? Cap(string? value) => value is null || value.Length <= MaxDiagnostic ? value : value[..MaxDiagnostic];
}
