using System.Security.Cryptography;
using System.Text;

namespace ContinuityOfCare.Storage;

/// <summary>
/// A storage account name and one of its access keys, used to sign requests with the Shared Key scheme.
/// </summary>
public sealed class StorageSharedKeyCredential
{
    private readonly byte[] _key;

    /// <summary>Creates a credential from an account name and its base64-encoded access key.</summary>
    /// <param name="accountName">The storage account name, e.g. <c>devstoreaccount1</c>.</param>
    /// <param name="accountKey">The account key as base64 text.</param>
    /// <exception cref="ArgumentNullException"><paramref name="accountName"/> or <paramref name="accountKey"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="accountName"/> is empty or whitespace, or <paramref name="accountKey"/> is empty or not base64.</exception>
    public StorageSharedKeyCredential(string accountName, string accountKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountName);
        ArgumentException.ThrowIfNullOrWhiteSpace(accountKey);
        AccountName = accountName;
        try
        {
            _key = Convert.FromBase64String(accountKey);
        }
        catch (FormatException e)
        {
            // The key itself is a secret: never echo it in the message.
            throw new ArgumentException("The account key is not valid base64.", nameof(accountKey), e);
        }
    }

    /// <summary>The storage account name.</summary>
    public string AccountName { get; }

    /// <summary>HMAC-SHA256 of <paramref name="stringToSign"/> (UTF-8) with the account key, as base64.</summary>
    internal string ComputeHmacSha256(string stringToSign) =>
        Convert.ToBase64String(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(stringToSign)));
}
