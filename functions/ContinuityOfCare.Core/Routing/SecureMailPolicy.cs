namespace ContinuityOfCare.Core.Routing;

/// <summary>
/// architecture.md "Security rules": recipient domains outside the secure-mail allow-list receive nothing personal.
/// An address qualifies when its domain equals an allowed suffix or ends with "." + suffix (a domain boundary:
/// <c>leeds.cjsm.net</c> qualifies for <c>cjsm.net</c>, <c>evilcjsm.net</c> does not).
/// </summary>
public sealed class SecureMailPolicy
{
    private readonly string[] _suffixes;

    /// <summary>Creates the policy for the allowed domain suffixes (case-insensitive; a leading dot or "@" is ignored).</summary>
    public SecureMailPolicy(IEnumerable<string> allowedSuffixes)
    {
        ArgumentNullException.ThrowIfNull(allowedSuffixes);
        _suffixes = [.. allowedSuffixes
            .Select(s => s.Trim().TrimStart('.', '@').ToUpperInvariant())
            .Where(s => s.Length > 0)];
    }

    /// <summary>The allowed suffixes, upper case.</summary>
    public IReadOnlyList<string> Suffixes => _suffixes;

    /// <summary>True when <paramref name="email"/> is a single address whose domain is on the allow-list.</summary>
    public bool Allows(string? email)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return false;
        }

        var at = email.LastIndexOf('@');
        if (at <= 0 || at == email.Length - 1 || email.IndexOf('@', StringComparison.Ordinal) != at)
        {
            return false;
        }

        var domain = email[(at + 1)..].Trim().TrimEnd('.').ToUpperInvariant();
        foreach (var suffix in _suffixes)
        {
            if (domain == suffix || domain.EndsWith("." + suffix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
