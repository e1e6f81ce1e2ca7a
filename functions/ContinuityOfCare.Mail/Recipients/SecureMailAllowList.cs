using MimeKit;

namespace ContinuityOfCare.Mail.Recipients;

/// <summary>
/// architecture.md "Security rules": a recipient outside the secure-mail allow-list (e.g. <c>cjsm.net</c>, <c>nhs.net</c>,
/// <c>gov.uk</c> and their sub-domains) receives nothing personal. Matching is by whole domain labels: <c>leeds.nhs.net</c>
/// passes for <c>nhs.net</c>, <c>evil-nhs.net</c> and <c>nhs.net.evil.com</c> do not.
/// </summary>
public sealed class SecureMailAllowList
{
    /// <summary>The defaults used when configuration gives no list.</summary>
    public static readonly IReadOnlyList<string> DefaultDomains = ["cjsm.net", "nhs.net", "gov.uk"];

    private readonly string[] _domains;

    /// <summary>Creates the list; an empty <paramref name="domains"/> means <see cref="DefaultDomains"/>.</summary>
    public SecureMailAllowList(IEnumerable<string> domains)
    {
        ArgumentNullException.ThrowIfNull(domains);
        var given = domains.Select(Normalise).Where(domain => domain.Length > 0).Distinct(StringComparer.Ordinal).ToArray();
        _domains = given.Length > 0 ? given : [.. DefaultDomains];
    }

    /// <summary>The effective domains, lower-case.</summary>
    public IReadOnlyList<string> Domains => _domains;

    /// <summary>True when <paramref name="address"/> is a valid address whose domain is an allowed domain or a sub-domain of one.</summary>
    public bool Allows(string? address)
    {
        if (string.IsNullOrWhiteSpace(address) || !MailboxAddress.TryParse(address, out var parsed))
        {
            return false;
        }

        // MailboxAddress accepts a display-name form ("x <a@b>"); only a bare address is a recipient here.
        if (!string.Equals(parsed.Address.TrimEnd('.'), address.Trim().TrimEnd('.'), StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var domain = Normalise(parsed.Domain);
        return _domains.Any(allowed =>
            domain == allowed || domain.EndsWith("." + allowed, StringComparison.Ordinal));
    }

    private static string Normalise(string domain) => domain.Trim().TrimEnd('.').ToLowerInvariant();
}
