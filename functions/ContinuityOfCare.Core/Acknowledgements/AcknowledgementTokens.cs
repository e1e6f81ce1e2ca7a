using System.Buffers.Text;
using System.Security.Cryptography;
using NodaTime;

namespace ContinuityOfCare.Core.Acknowledgements;

/// <summary>
/// Signs and verifies acknowledgement links for Alert Forms and escalations (architecture.md "Security rules";
/// docs/domain.md "Escalation": an escalation names the acknowledgement link). A token is
/// <c>base64url(payload) + "." + base64url(HMAC-SHA256(key, payload))</c> where the payload (version, obligation id,
/// expiry, key id, nonce) is <see cref="AcknowledgementPayload"/>. Pure: <c>now</c> is passed in; the only other input
/// is the random nonce, which callers may pass in too.
/// <para>Single use is the shell's job: on a <see cref="AcknowledgementVerification.Valid"/> result it records
/// <see cref="AcknowledgementVerification.Valid.ReplayKey"/> insert-if-absent before fulfilling the obligation.</para>
/// </summary>
public sealed class AcknowledgementTokens
{
    /// <summary>The longest token text looked at; anything longer is <see cref="AcknowledgementVerification.Malformed"/> without decoding.</summary>
    public const int MaximumTokenLength = 1024;

    /// <summary>The nonce length new tokens use (128 bits).</summary>
    public const int NonceBytes = 16;

    private const int SignatureBytes = 32;

    private readonly AcknowledgementKeyRing _keys;
    private readonly Duration _validity;

    /// <summary>Creates the signer/verifier over <paramref name="keys"/> issuing links valid for <paramref name="validity"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="validity"/> is not positive.</exception>
    public AcknowledgementTokens(AcknowledgementKeyRing keys, Duration validity)
    {
        _keys = keys ?? throw new ArgumentNullException(nameof(keys));
        if (validity <= Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(validity), validity, "The link validity must be positive.");
        }

        _validity = validity;
    }

    /// <summary>Creates the signer/verifier from validated options.</summary>
    /// <exception cref="AcknowledgementOptionsException">The options are invalid.</exception>
    public static AcknowledgementTokens FromOptions(AcknowledgementOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new AcknowledgementTokens(options.ToKeyRing(), options.ValidityDuration);
    }

    /// <summary>Signs a link for <paramref name="obligationId"/> issued at <paramref name="now"/>, with a fresh random nonce.</summary>
    /// <exception cref="ArgumentException">The obligation id is empty or longer than 255 UTF-8 bytes.</exception>
    public IssuedAcknowledgement Issue(string obligationId, Instant now) =>
        Issue(obligationId, now, RandomNumberGenerator.GetBytes(NonceBytes));

    /// <summary>Signs a link with the given <paramref name="nonce"/> (16–64 bytes; deterministic tests and replays of a send).</summary>
    /// <exception cref="ArgumentException">The obligation id is empty or too long, or the nonce length is out of range.</exception>
    public IssuedAcknowledgement Issue(string obligationId, Instant now, ReadOnlySpan<byte> nonce)
    {
        ArgumentException.ThrowIfNullOrEmpty(obligationId);
        // Whole seconds: the payload carries Unix seconds, and the result must say exactly what the token says.
        var expiresAt = Instant.FromUnixTimeSeconds((now + _validity).ToUnixTimeSeconds());
        var key = _keys.Current;
        var payload = new AcknowledgementPayload(obligationId, expiresAt, key.Id, nonce.ToArray()).Encode();
        var signature = HMACSHA256.HashData(key.Secret, payload);
        return new IssuedAcknowledgement(Base64Url.EncodeToString(payload) + "." + Base64Url.EncodeToString(signature), expiresAt);
    }

    /// <summary>
    /// What <paramref name="token"/> is at <paramref name="now"/>. Never throws, whatever the input. Order: shape and
    /// encoding (<see cref="AcknowledgementVerification.Malformed"/>), key id (<see cref="AcknowledgementVerification.UnknownKey"/>),
    /// signature by constant-time comparison (<see cref="AcknowledgementVerification.Forged"/>), and only then expiry
    /// (<see cref="AcknowledgementVerification.Expired"/>), so nothing unauthenticated is ever reported back.
    /// </summary>
    public AcknowledgementVerification Verify(string? token, Instant now)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaximumTokenLength)
        {
            return AcknowledgementVerification.Malformed.Instance;
        }

        var dot = token.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || dot == token.Length - 1 || token.IndexOf('.', dot + 1) >= 0)
        {
            return AcknowledgementVerification.Malformed.Instance;
        }

        if (!TryDecodeCanonical(token.AsSpan(0, dot), out var payloadBytes)
            || !TryDecodeCanonical(token.AsSpan(dot + 1), out var signature)
            || signature.Length != SignatureBytes
            || !AcknowledgementPayload.TryDecode(payloadBytes, out var payload)
            || payload is null)
        {
            return AcknowledgementVerification.Malformed.Instance;
        }

        var key = _keys.Find(payload.KeyId);
        if (key is null)
        {
            return new AcknowledgementVerification.UnknownKey(payload.KeyId);
        }

        var expected = HMACSHA256.HashData(key.Secret, payloadBytes);
        if (!CryptographicOperations.FixedTimeEquals(expected, signature))
        {
            return AcknowledgementVerification.Forged.Instance;
        }

        if (now >= payload.ExpiresAt)
        {
            return new AcknowledgementVerification.Expired(payload.ObligationId, payload.ExpiresAt);
        }

        return new AcknowledgementVerification.Valid(
            payload.ObligationId, payload.KeyId, Base64Url.EncodeToString(payload.Nonce), payload.ExpiresAt);
    }

    /// <summary>
    /// Decodes base64url without padding and insists the text is the canonical encoding of the bytes (re-encoding
    /// gives the same text), so whitespace, padding or altered unused bits never pass as the same token.
    /// </summary>
    private static bool TryDecodeCanonical(ReadOnlySpan<char> text, out byte[] bytes)
    {
        bytes = [];
        foreach (var c in text)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            {
                return false;
            }
        }

        // A length of 4k+1 is never base64 (and Base64Url.TryDecodeFromChars throws on it rather than returning false).
        if (text.Length % 4 == 1 || !Base64Url.IsValid(text))
        {
            return false;
        }

        var buffer = new byte[Base64Url.GetMaxDecodedLength(text.Length)];
        int written;
        try
        {
            if (!Base64Url.TryDecodeFromChars(text, buffer, out written))
            {
                return false;
            }
        }
        catch (FormatException)
        {
            // Belt and braces: the "Try" decoder throws for some invalid inputs; a link must never crash the page.
            return false;
        }

        bytes = buffer.AsSpan(0, written).ToArray();
        return Base64Url.EncodeToString(bytes).AsSpan().SequenceEqual(text);
    }
}
