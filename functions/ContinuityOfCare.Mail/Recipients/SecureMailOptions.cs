namespace ContinuityOfCare.Mail.Recipients;

/// <summary>The secure-mail allow-list (configuration section <c>Mail:SecureRecipients</c>).</summary>
public sealed class SecureMailOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Mail:SecureRecipients";

    /// <summary>
    /// Domains whose mailboxes (and sub-domains' mailboxes) may receive personal data. Binding configuration replaces
    /// this default list rather than appending to it (see <see cref="SecureMailAllowList"/>).
    /// </summary>
    public IList<string> AllowedDomains { get; } = [];
}
