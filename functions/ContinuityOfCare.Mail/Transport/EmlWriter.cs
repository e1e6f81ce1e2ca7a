using MimeKit;

namespace ContinuityOfCare.Mail.Transport;

/// <summary>
/// Writes an <see cref="OutgoingEmail"/> as an RFC 5322 <c>.eml</c> file: the MimeKit message exactly as the transport
/// puts it on the wire, so a preview shows the real MIME structure and headers.
/// </summary>
public static class EmlWriter
{
    /// <summary>Writes <paramref name="email"/> to <paramref name="path"/> (overwriting).</summary>
    public static async Task WriteAsync(OutgoingEmail email, string path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(email);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using var message = MimeMessageFactory.Create(email);
        // CRLF as on the wire (RFC 5322 §2.1); MimeKit's default follows the platform.
        var format = FormatOptions.Default.Clone();
        format.NewLineFormat = NewLineFormat.Dos;
        await message.WriteToAsync(format, path, cancellationToken).ConfigureAwait(false);
    }
}
