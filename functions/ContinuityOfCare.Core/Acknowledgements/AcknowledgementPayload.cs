using System.Buffers.Binary;
using System.Text;
using System.Text.Unicode;
using NodaTime;

namespace ContinuityOfCare.Core.Acknowledgements;

/// <summary>
/// The signed part of an acknowledgement token, in a strict binary layout (version 1):
/// <code>
/// [1]  version = 1
/// [8]  expiry, Unix seconds, big-endian
/// [1]  key id length k (1–32), then k ASCII bytes
/// [1]  nonce length n (16–64), then n bytes
/// [1]  obligation id length m (1–255), then m UTF-8 bytes
/// </code>
/// Decoding accepts exactly this and nothing more (no trailing bytes), so two different byte strings never decode to
/// the same payload.
/// </summary>
internal sealed record AcknowledgementPayload(string ObligationId, Instant ExpiresAt, string KeyId, byte[] Nonce)
{
    public const byte CurrentVersion = 1;
    public const int MinimumNonceBytes = 16;
    public const int MaximumNonceBytes = 64;
    public const int MaximumObligationIdBytes = 255;

    /// <summary>The payload bytes that are signed and carried in the token.</summary>
    /// <exception cref="ArgumentException">A field does not fit the layout.</exception>
    public byte[] Encode()
    {
        var keyId = Encoding.ASCII.GetBytes(KeyId);
        var obligationId = Encoding.UTF8.GetBytes(ObligationId);
        if (!AcknowledgementKey.IsValidId(KeyId))
        {
            throw new ArgumentException("The key id must be 1–32 ASCII letters or digits.", nameof(KeyId));
        }

        if (Nonce.Length is < MinimumNonceBytes or > MaximumNonceBytes)
        {
            throw new ArgumentException($"The nonce must be {MinimumNonceBytes}–{MaximumNonceBytes} bytes.", nameof(Nonce));
        }

        if (obligationId.Length is 0 or > MaximumObligationIdBytes)
        {
            throw new ArgumentException($"The obligation id must be 1–{MaximumObligationIdBytes} UTF-8 bytes.", nameof(ObligationId));
        }

        var bytes = new byte[1 + 8 + 1 + keyId.Length + 1 + Nonce.Length + 1 + obligationId.Length];
        var span = bytes.AsSpan();
        span[0] = CurrentVersion;
        BinaryPrimitives.WriteInt64BigEndian(span[1..], ExpiresAt.ToUnixTimeSeconds());
        var offset = 9;
        offset = WriteField(span, offset, keyId);
        offset = WriteField(span, offset, Nonce);
        WriteField(span, offset, obligationId);
        return bytes;
    }

    /// <summary>Reads a payload; false for anything that is not exactly a version-1 layout. Never throws.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> bytes, out AcknowledgementPayload? payload)
    {
        payload = null;
        if (bytes.Length < 9 || bytes[0] != CurrentVersion)
        {
            return false;
        }

        var seconds = BinaryPrimitives.ReadInt64BigEndian(bytes[1..]);
        if (seconds < Instant.MinValue.ToUnixTimeSeconds() || seconds > Instant.MaxValue.ToUnixTimeSeconds())
        {
            return false;
        }

        var rest = bytes[9..];
        if (!TryReadField(ref rest, 1, AcknowledgementKey.MaximumIdLength, out var keyIdBytes)
            || !TryReadField(ref rest, MinimumNonceBytes, MaximumNonceBytes, out var nonce)
            || !TryReadField(ref rest, 1, MaximumObligationIdBytes, out var obligationIdBytes)
            || !rest.IsEmpty
            || !Utf8.IsValid(obligationIdBytes))
        {
            return false;
        }

        var keyId = Encoding.ASCII.GetString(keyIdBytes);
        if (!AcknowledgementKey.IsValidId(keyId))
        {
            return false;
        }

        payload = new AcknowledgementPayload(
            Encoding.UTF8.GetString(obligationIdBytes), Instant.FromUnixTimeSeconds(seconds), keyId, nonce.ToArray());
        return true;
    }

    private static int WriteField(Span<byte> span, int offset, ReadOnlySpan<byte> field)
    {
        span[offset] = (byte)field.Length;
        field.CopyTo(span[(offset + 1)..]);
        return offset + 1 + field.Length;
    }

    private static bool TryReadField(ref ReadOnlySpan<byte> rest, int minimum, int maximum, out ReadOnlySpan<byte> field)
    {
        field = default;
        if (rest.IsEmpty)
        {
            return false;
        }

        int length = rest[0];
        if (length < minimum || length > maximum || rest.Length < 1 + length)
        {
            return false;
        }

        field = rest.Slice(1, length);
        rest = rest[(1 + length)..];
        return true;
    }
}
