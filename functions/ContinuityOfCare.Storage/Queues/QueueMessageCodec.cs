using System.Text;

namespace ContinuityOfCare.Storage.Queues;

/// <summary>Encodes and decodes message text for the wire.</summary>
internal static class QueueMessageCodec
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The wire form of <paramref name="text"/>.</summary>
    public static string Encode(string text, QueueMessageEncoding encoding) =>
        encoding == QueueMessageEncoding.Base64 ? Convert.ToBase64String(StrictUtf8.GetBytes(text)) : text;

    /// <summary>The text of a wire form.</summary>
    /// <exception cref="FormatException">Base64 expected but the text is not base64 of UTF-8.</exception>
    public static string Decode(string wire, QueueMessageEncoding encoding)
    {
        if (encoding != QueueMessageEncoding.Base64)
        {
            return wire;
        }

        try
        {
            return StrictUtf8.GetString(Convert.FromBase64String(wire));
        }
        catch (ArgumentException e)
        {
            throw new FormatException("The message text is not base64-encoded UTF-8.", e);
        }
    }
}
