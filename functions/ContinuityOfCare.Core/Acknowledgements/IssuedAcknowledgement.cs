using NodaTime;

namespace ContinuityOfCare.Core.Acknowledgements;

/// <summary>A freshly signed acknowledgement token and when it expires (for the "valid until" line of an email).</summary>
/// <param name="Token">The token for the link path <c>/ack/{Token}</c>: URL-safe, no escaping needed.</param>
/// <param name="ExpiresAt">The expiry instant (whole seconds).</param>
public sealed record IssuedAcknowledgement(string Token, Instant ExpiresAt);
