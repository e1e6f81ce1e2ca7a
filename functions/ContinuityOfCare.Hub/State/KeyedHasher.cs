using System.Security.Cryptography;
using System.Text;

namespace ContinuityOfCare.Hub.State;

/// <summary>
/// HMAC-SHA256 with the configured key (<see cref="StateOptions.IndexKey"/>): turns identifiers, names and dates of
/// birth into table keys. URL paths, and so entity keys, are logged by Azure.Core (docs/storage-client.md "Behaviour
/// worth knowing"), and a plain hash of a NOMS number or a date of birth could be reversed by trying every value;
/// without the key it cannot (architecture.md "Security rules": no PII in logs).
/// </summary>
public sealed class KeyedHasher
{
    private readonly byte[] _key;

    /// <summary>Creates a hasher with <paramref name="key"/> (at least <see cref="StateOptions.MinimumKeyBytes"/> bytes).</summary>
    /// <exception cref="ArgumentException">The key is too short.</exception>
    public KeyedHasher(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length < StateOptions.MinimumKeyBytes)
        {
            throw new ArgumentException($"The key must be at least {StateOptions.MinimumKeyBytes} bytes.", nameof(key));
        }

        _key = (byte[])key.Clone();
    }

    /// <summary>
    /// The lower-case hex HMAC of <paramref name="purpose"/> and <paramref name="value"/> (the purpose keeps equal
    /// values of different kinds, e.g. a CRO and a PNC, apart).
    /// </summary>
    public string Hash(string purpose, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(purpose);
        ArgumentNullException.ThrowIfNull(value);
        var data = Encoding.UTF8.GetBytes(purpose + "\n" + value);
        return Convert.ToHexStringLower(HMACSHA256.HashData(_key, data));
    }
}
