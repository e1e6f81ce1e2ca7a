using NodaTime;

namespace ContinuityOfCare.Core.Acknowledgements;

/// <summary>
/// What a presented acknowledgement token turned out to be (architecture.md "Security rules"). A closed set: each
/// outcome is a nested sealed record. Only <see cref="Valid"/> may change anything, and only after the shell has
/// recorded its <see cref="Valid.ReplayKey"/> for the first time (single use). The other outcomes carry nothing an
/// attacker did not already send, except <see cref="Expired"/>, which is authentic and so may name its obligation.
/// </summary>
public abstract record AcknowledgementVerification
{
    private AcknowledgementVerification()
    {
    }

    /// <summary>A short machine-readable name of the outcome for logs and metrics ("valid", "expired", …); no token content.</summary>
    public abstract string Outcome { get; }

    /// <summary>Authentic and unexpired. The shell must still check that <see cref="ReplayKey"/> was not used before.</summary>
    /// <param name="ObligationId">The obligation the link acknowledges.</param>
    /// <param name="KeyId">The key that signed it (for rotation monitoring).</param>
    /// <param name="Nonce">The token's random nonce, base64url (table-key safe).</param>
    /// <param name="ExpiresAt">When the link expires: the shell may forget the replay record after this.</param>
    public sealed record Valid(string ObligationId, string KeyId, string Nonce, Instant ExpiresAt) : AcknowledgementVerification
    {
        /// <inheritdoc />
        public override string Outcome => "valid";

        /// <summary>
        /// The value the shell records (insert-if-absent) to make the link single-use: the nonce. A second insert of
        /// the same key means the link was already used.
        /// </summary>
        public string ReplayKey => Nonce;
    }

    /// <summary>Authentic but past its expiry (at or after <paramref name="ExpiresAt"/>).</summary>
    public sealed record Expired(string ObligationId, Instant ExpiresAt) : AcknowledgementVerification
    {
        /// <inheritdoc />
        public override string Outcome => "expired";
    }

    /// <summary>Well formed, names a known key, but the signature does not match: tampered or forged.</summary>
    public sealed record Forged : AcknowledgementVerification
    {
        /// <summary>The single instance.</summary>
        public static Forged Instance { get; } = new();

        /// <inheritdoc />
        public override string Outcome => "forged";
    }

    /// <summary>Well formed but signed with a key the ring does not list (retired too early, or forged).</summary>
    /// <param name="KeyId">The key id the token names (letters and digits only, safe to log).</param>
    public sealed record UnknownKey(string KeyId) : AcknowledgementVerification
    {
        /// <inheritdoc />
        public override string Outcome => "unknown-key";
    }

    /// <summary>Not a token at all: wrong shape, bad encoding, unknown version, over the size cap.</summary>
    public sealed record Malformed : AcknowledgementVerification
    {
        /// <summary>The single instance.</summary>
        public static Malformed Instance { get; } = new();

        /// <inheritdoc />
        public override string Outcome => "malformed";
    }
}
