using System.Buffers.Text;
using System.Text.RegularExpressions;

namespace ContinuityOfCare.Core.Acknowledgements;

/// <summary>
/// One HMAC-SHA256 key of the acknowledgement key ring (architecture.md "Security rules": acknowledgement links carry
/// an HMAC-SHA256 token; keys rotatable). The id travels in every token so a verifier picks the right key; the secret
/// never leaves this object and is never printed.
/// </summary>
public sealed partial class AcknowledgementKey
{
    /// <summary>The shortest secret accepted: 32 bytes, the HMAC-SHA256 block-size guidance (RFC 2104 §3: at least the output length).</summary>
    public const int MinimumSecretBytes = 32;

    /// <summary>The longest key id, so it fits the token's one-byte length prefix with room to spare.</summary>
    public const int MaximumIdLength = 32;

    private readonly byte[] _secret;

    /// <summary>Creates a key from its id and secret bytes (copied).</summary>
    /// <exception cref="ArgumentException">The id is not 1–32 letters or digits, or the secret is shorter than 32 bytes.</exception>
    public AcknowledgementKey(string id, ReadOnlySpan<byte> secret)
    {
        if (!IsValidId(id))
        {
            throw new ArgumentException(
                $"An acknowledgement key id must be 1–{MaximumIdLength} ASCII letters or digits (it appears in app setting names and in every token).",
                nameof(id));
        }

        if (secret.Length < MinimumSecretBytes)
        {
            throw new ArgumentException(
                $"The acknowledgement key \"{id}\" is {secret.Length} bytes; at least {MinimumSecretBytes} random bytes are required.",
                nameof(secret));
        }

        Id = id;
        _secret = secret.ToArray();
    }

    /// <summary>The key id (letters and digits), carried in every token it signs.</summary>
    public string Id { get; }

    /// <summary>The secret, for signing inside this assembly only.</summary>
    internal ReadOnlySpan<byte> Secret => _secret;

    /// <summary>Reads a key whose secret is written in standard base64 (as configuration and Key Vault hold it).</summary>
    /// <exception cref="ArgumentException">The id is invalid, the text is not base64, or it decodes to fewer than 32 bytes.</exception>
    public static AcknowledgementKey FromBase64(string id, string base64Secret)
    {
        if (!TryDecodeBase64(base64Secret, out var secret))
        {
            throw new ArgumentException($"The acknowledgement key \"{id}\" is not valid base64.", nameof(base64Secret));
        }

        return new AcknowledgementKey(id, secret);
    }

    /// <summary>True when <paramref name="id"/> is 1–32 ASCII letters or digits.</summary>
    public static bool IsValidId(string? id) => id is not null && IdPattern().IsMatch(id);

    /// <summary>Decodes standard base64 (with or without padding) or base64url; false when it is neither.</summary>
    internal static bool TryDecodeBase64(string? text, out byte[] bytes)
    {
        bytes = [];
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var trimmed = text.Trim();
        var buffer = new byte[(trimmed.Length * 3 / 4) + 3];
        if (Convert.TryFromBase64String(trimmed, buffer, out var written))
        {
            bytes = buffer.AsSpan(0, written).ToArray();
            return true;
        }

        if (Base64Url.IsValid(trimmed) && Base64Url.TryDecodeFromChars(trimmed, buffer, out written))
        {
            bytes = buffer.AsSpan(0, written).ToArray();
            return true;
        }

        return false;
    }

    /// <inheritdoc />
    public override string ToString() => $"acknowledgement key {Id}";

    [GeneratedRegex("^[A-Za-z0-9]{1,32}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
