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
        if (BareAddressDomain(address) is not { } host)
        {
            return false;
        }

        var domain = Normalise(host);
        return _domains.Any(allowed => domain == allowed || domain.EndsWith("." + allowed, StringComparison.Ordinal));
    }

    /// <summary>
    /// The domain of a bare address (<c>local@domain</c>: one <c>@</c>, no spaces, angle brackets, quotes, commas or
    /// display name; domain labels of letters, digits and hyphens), else null. Anything cleverer than a bare address —
    /// a display-name form, a list, a quoted local part — is not a recipient the hub sends personal data to.
    /// </summary>
    private static string? BareAddressDomain(string? address)
    {
        var text = address?.Trim();
        if (string.IsNullOrEmpty(text) || text.Any(c => char.IsWhiteSpace(c) || c is '<' or '>' or '"' or ',' or ';' or '(' or ')' || char.IsControl(c)))
        {
            return null;
        }

        var at = text.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at != text.LastIndexOf('@') || at == text.Length - 1)
        {
            return null;
        }

        var domain = text[(at + 1)..].TrimEnd('.');
        var labels = domain.Split('.');
        return labels.Length >= 2 && labels.All(label => label.Length is > 0 and <= 63
                && label.All(c => char.IsAsciiLetterOrDigit(c) || c == '-') && label[0] != '-' && label[^1] != '-')
            ? domain
            : null;
    }

    private static string Normalise(string domain) => domain.Trim().TrimEnd('.').ToLowerInvariant();
}
