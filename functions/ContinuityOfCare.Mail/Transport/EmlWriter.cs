using System.Net.Mail;

namespace ContinuityOfCare.Mail.Transport;

/// <summary>
/// Writes an <see cref="OutgoingEmail"/> as an RFC 5322 <c>.eml</c> file exactly as System.Net.Mail would put it on the
/// wire (its pickup-directory delivery), so a preview shows the real MIME structure and headers.
/// </summary>
public static class EmlWriter
{
    /// <summary>Writes <paramref name="email"/> to <paramref name="path"/> (overwriting).</summary>
    public static async Task WriteAsync(OutgoingEmail email, string path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(email);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var pickup = Directory.CreateTempSubdirectory("coc-eml-");
        try
        {
            using (var client = new SmtpClient { DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory, PickupDirectoryLocation = pickup.FullName })
            using (var message = MailMessageFactory.Create(email))
            {
                await client.SendMailAsync(message, cancellationToken).ConfigureAwait(false);
            }

            // The pickup writer prefixes its envelope as X-Sender/X-Receiver headers; they are not part of the message.
            var written = await File.ReadAllLinesAsync(pickup.GetFiles("*.eml").Single().FullName, cancellationToken).ConfigureAwait(false);
            var wireLines = written.SkipWhile(line => line.StartsWith("X-Sender:", StringComparison.Ordinal) || line.StartsWith("X-Receiver:", StringComparison.Ordinal));
            await File.WriteAllTextAsync(path, string.Join("\r\n", wireLines) + "\r\n", cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            pickup.Delete(recursive: true);
        }
    }
}
