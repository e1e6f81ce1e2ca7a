using System.Net.Mail;

namespace ContinuityOfCare.Core.Routing;

/// <summary>
/// The secure-mail allow-list (architecture.md "Security rules"): a recipient outside it receives nothing personal.
/// The one policy used by routing (the form is held), sending (the outbox refuses it) and SPOC directory validation
/// (the entry is rejected). An address qualifies when it is a single bare address whose domain equals an allowed
/// domain or is a sub-domain of one, by whole labels: <c>leeds.cjsm.net</c> qualifies for <c>cjsm.net</c>;
/// <c>evilcjsm.net</c> and <c>cjsm.net.example.com</c> do not.
/// </summary>
public sealed class SecureMailPolicy
{
    private readonly string[] _domains;

    /// <summary>Creates the policy for exactly <paramref name="allowedDomains"/> (case-insensitive; a leading "." or "@" and a trailing "." are ignored).</summary>
    public SecureMailPolicy(IEnumerable<string> allowedDomains)
    {
        ArgumentNullException.ThrowIfNull(allowedDomains);
        _domains = [.. allowedDomains
            .Select(domain => Normalise(domain.TrimStart('.', '@')))
            .Where(domain => domain.Length > 0)
            .Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The domains allowed when configuration gives none: <c>cjsm.net</c>, <c>nhs.net</c>, <c>gov.uk</c>.</summary>
    public static IReadOnlyList<string> DefaultDomains { get; } = ["cjsm.net", "nhs.net", "gov.uk"];

    /// <summary>The policy for <see cref="DefaultDomains"/>.</summary>
    public static SecureMailPolicy Default { get; } = new(DefaultDomains);

    /// <summary>The allowed domains, lower-case.</summary>
    public IReadOnlyList<string> Domains => _domains;

    /// <summary>The policy <paramref name="options"/> configure: their domains, or <see cref="Default"/> when they list none.</summary>
    public static SecureMailPolicy FromOptions(SecureMailOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var configured = new SecureMailPolicy(options.AllowedDomains);
        return configured.Domains.Count > 0 ? configured : Default;
    }

    /// <summary>True when <paramref name="address"/> is a single bare address whose domain is on the allow-list.</summary>
    public bool Allows(string? address)
    {
        if (string.IsNullOrWhiteSpace(address) || !MailAddress.TryCreate(address, out var parsed))
        {
            return false;
        }

        // MailAddress accepts a display-name form ("x <a@b>"); only a bare address is a recipient here.
        if (!string.Equals(parsed.Address, address.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var domain = Normalise(parsed.Host);
        return _domains.Any(allowed => domain == allowed || domain.EndsWith("." + allowed, StringComparison.Ordinal));
    }

    private static string Normalise(string domain) => domain.Trim().TrimEnd('.').ToLowerInvariant();
}
