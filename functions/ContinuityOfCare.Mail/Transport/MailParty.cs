namespace ContinuityOfCare.Mail.Transport;

/// <summary>An address with an optional display name (an organisation's SPOC mailbox, never a client).</summary>
/// <param name="Address">The email address.</param>
/// <param name="DisplayName">The display name, e.g. the organisation's name; empty for none.</param>
public sealed record MailParty(string Address, string DisplayName = "");
