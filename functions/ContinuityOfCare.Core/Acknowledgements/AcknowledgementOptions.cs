using System.Globalization;
using NodaTime;

namespace ContinuityOfCare.Core.Acknowledgements;

/// <summary>
/// Configuration of acknowledgement links (section <see cref="SectionName"/>; architecture.md "Security rules"):
/// <code>
/// "Acknowledgements": {
///   "CurrentKeyId": "k2026a",
///   "Keys": { "k2026a": "&lt;base64, at least 32 random bytes&gt;", "k2025b": "&lt;the previous key, kept while its links live&gt;" },
///   "Validity": "14.00:00:00"
/// }
/// </code>
/// The keys are secrets: in Azure they are Key Vault references (infra/main.bicep), locally user secrets or
/// environment variables (<c>Acknowledgements__Keys__k2026a</c>); never in the repository. Call <see cref="Validate"/>
/// (or <see cref="ToKeyRing"/>, which does) at start-up.
/// </summary>
public sealed class AcknowledgementOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Acknowledgements";

    /// <summary>The longest validity accepted: a link older than this is more risk than use.</summary>
    public static readonly TimeSpan MaximumValidity = TimeSpan.FromDays(90);

    /// <summary>The key id new tokens are signed with; must be one of <see cref="Keys"/>.</summary>
    public string CurrentKeyId { get; set; } = "";

    /// <summary>Key id → secret in base64 (at least 32 bytes once decoded). Old keys stay listed until their links expire.</summary>
    public IDictionary<string, string> Keys { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>How long a link stays valid after it is issued (default 14 days).</summary>
    public TimeSpan Validity { get; set; } = TimeSpan.FromDays(14);

    /// <summary>The validity as a NodaTime duration.</summary>
    public Duration ValidityDuration => Duration.FromTimeSpan(Validity);

    /// <summary>Every problem with these values, one sentence each naming its configuration key; empty when valid. Never echoes a secret.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Keys.Count == 0)
        {
            errors.Add($"{SectionName}:Keys must list at least one key (key id → base64 secret of at least {AcknowledgementKey.MinimumSecretBytes} bytes).");
        }

        foreach (var (id, secret) in Keys.OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            if (!AcknowledgementKey.IsValidId(id))
            {
                errors.Add($"{SectionName}:Keys:{id} has an invalid key id: use 1–{AcknowledgementKey.MaximumIdLength} ASCII letters or digits.");
                continue;
            }

            if (!AcknowledgementKey.TryDecodeBase64(secret, out var bytes))
            {
                errors.Add($"{SectionName}:Keys:{id} is not valid base64 (generate one with: openssl rand -base64 32).");
            }
            else if (bytes.Length < AcknowledgementKey.MinimumSecretBytes)
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{SectionName}:Keys:{id} decodes to {bytes.Length} bytes; at least {AcknowledgementKey.MinimumSecretBytes} are required (openssl rand -base64 32)."));
            }
        }

        if (string.IsNullOrWhiteSpace(CurrentKeyId))
        {
            errors.Add($"{SectionName}:{nameof(CurrentKeyId)} must name the key new links are signed with.");
        }
        else if (!Keys.ContainsKey(CurrentKeyId))
        {
            errors.Add($"{SectionName}:{nameof(CurrentKeyId)} is \"{CurrentKeyId}\", which is not one of {SectionName}:Keys ({string.Join(", ", Keys.Keys.Order(StringComparer.Ordinal))}).");
        }

        if (Validity <= TimeSpan.Zero || Validity > MaximumValidity)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture,
                $"{SectionName}:{nameof(Validity)} must be more than zero and at most {MaximumValidity.TotalDays:0} days; it is {Validity}."));
        }

        return errors;
    }

    /// <summary>The key ring these options describe.</summary>
    /// <exception cref="AcknowledgementOptionsException">The options are invalid; the message lists every problem.</exception>
    public AcknowledgementKeyRing ToKeyRing()
    {
        var errors = Validate();
        if (errors.Count > 0)
        {
            throw new AcknowledgementOptionsException(errors);
        }

        return new AcknowledgementKeyRing(
            CurrentKeyId,
            Keys.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => AcknowledgementKey.FromBase64(k.Key, k.Value)));
    }
}
