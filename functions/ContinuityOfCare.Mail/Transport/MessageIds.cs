using System.Security.Cryptography;
using System.Text;

namespace ContinuityOfCare.Mail.Transport;

/// <summary>
/// Stable <c>Message-ID</c>s (RFC 5322 §3.6.4) derived from the hub's own ids, so a re-send of the same alert carries the
/// same Message-ID and a receiving system can recognise it as a duplicate (architecture.md "Reliability rules").
/// </summary>
public static class MessageIds
{
    /// <summary>
    /// <c>&lt;id@domain&gt;</c>. An id that is not a valid dot-atom (e.g. it contains <c>:</c> or spaces) is replaced by the
    /// hex SHA-256 of its UTF-8 bytes: still stable, still unique, and never leaks anything the id might carry.
    /// </summary>
    public static string For(string id, string domain)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(domain);
        var left = IsDotAtom(id) ? id : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)));
        return $"<{left}@{domain}>";
    }

    /// <summary>True when <paramref name="value"/> is an RFC 5322 dot-atom made of letters, digits and <c>-_.+=</c>.</summary>
    public static bool IsDotAtom(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > 200 || value[0] == '.' || value[^1] == '.' || value.Contains("..", StringComparison.Ordinal))
        {
            return false;
        }

        return value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '+' or '=');
    }
}
