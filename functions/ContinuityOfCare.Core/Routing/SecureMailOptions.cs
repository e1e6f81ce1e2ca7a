namespace ContinuityOfCare.Core.Routing;

/// <summary>
/// The secure-mail allow-list as configured (section <c>Mail:SecureRecipients</c>): the one setting that routing,
/// sending and SPOC directory validation all read, through <see cref="SecureMailPolicy.FromOptions"/>.
/// </summary>
public sealed class SecureMailOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Mail:SecureRecipients";

    /// <summary>
    /// Domains whose mailboxes (and sub-domains' mailboxes) may receive personal data. Empty means
    /// <see cref="SecureMailPolicy.DefaultDomains"/>; a configured list replaces the defaults rather than adding to
    /// them (configuration binding appends to a non-empty list, so the defaults are not pre-filled here).
    /// </summary>
    public IList<string> AllowedDomains { get; } = [];
}
