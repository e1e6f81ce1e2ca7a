using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace ContinuityOfCare.Hub.Console;

/// <summary>
/// HMAC-SHA256 under the console's key (<see cref="ConsoleOptions.SessionKey"/>, else a key drawn per process): signs
/// session cookies and derives anti-forgery tokens; every check compares in constant time.
/// </summary>
public sealed class ConsoleSigner
{
    private readonly byte[] _key;

    /// <summary>Reads the key from the options.</summary>
    /// <exception cref="InvalidOperationException">A configured key that is not base64 of at least 32 bytes.</exception>
    public ConsoleSigner(IOptions<ConsoleOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Value.SessionKey is { Length: > 0 } configured)
        {
            byte[] key;
            try
            {
                key = Convert.FromBase64String(configured);
            }
            catch (FormatException)
            {
                throw new InvalidOperationException("Console:SessionKey must be base64 of at least 32 random bytes.");
            }

            _key = key.Length >= 32 ? key : throw new InvalidOperationException("Console:SessionKey must be base64 of at least 32 random bytes.");
        }
        else
        {
            _key = RandomNumberGenerator.GetBytes(32);
        }
    }

    /// <summary>The signature of <paramref name="purpose"/> and <paramref name="value"/> (base64url).</summary>
    public string Sign(string purpose, string value) =>
        WebEncoders.Base64UrlEncode(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(purpose + "\n" + value)));

    /// <summary>True when <paramref name="signature"/> is the signature of <paramref name="purpose"/> and <paramref name="value"/>.</summary>
    public bool Verify(string purpose, string value, string? signature) =>
        signature is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(purpose, value)), Encoding.ASCII.GetBytes(signature));

    /// <summary>A fresh random id (base64url of 16 bytes).</summary>
    public static string NewId() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(16));
}
