using System.Security.Cryptography;
using System.Text;
using ContinuityOfCare.Core.Inputs;

namespace ContinuityOfCare.Core.Events;

/// <summary>
/// architecture.md "Reliability rules": every effect is idempotent, so ids are deterministic — event id = hash of the
/// source file + record; alert id = event id + recipient; obligation id = rule + event. Each id is the first 32 hex
/// characters (128 bits) of a SHA-256, lower case: collision-free in practice and free of personal data.
/// </summary>
public static class DeterministicIds
{
    /// <summary>The id of the event of <paramref name="kind"/> detected from the record at <paramref name="source"/>.</summary>
    /// <param name="sourceIdentity">The file's identity (the SHA-256 of its bytes where known, else its name).</param>
    /// <param name="source">The record's locator (line or JSON path).</param>
    /// <param name="kind">One record can yield several events (a transfer and a known release date), so the kind is part of the id.</param>
    public static string Event(string sourceIdentity, SourceRef source, EventKind kind)
    {
        ArgumentNullException.ThrowIfNull(sourceIdentity);
        ArgumentNullException.ThrowIfNull(source);
        return Hash($"event\n{sourceIdentity}\n{source.Line}\n{source.JsonPath}\n{kind}");
    }

    /// <summary>The id of the Alert Form for <paramref name="eventId"/> to the recipient in <paramref name="recipientRole"/> at <paramref name="recipientOrgCode"/>.</summary>
    public static string Alert(string eventId, string recipientRole, string recipientOrgCode) =>
        Hash($"alert\n{eventId}\n{recipientRole}\n{recipientOrgCode.ToUpperInvariant()}");

    /// <summary>The id of the obligation of <paramref name="ruleId"/> opened by <paramref name="eventId"/>.</summary>
    public static string Obligation(string ruleId, string eventId) => Hash($"obligation\n{ruleId}\n{eventId}");

    /// <summary>The human reference of an alert: <c>CC-</c> + year + <c>-</c> + the first 6 hex characters of its id, upper case.</summary>
    public static string AlertReference(string alertId, int year)
    {
        ArgumentNullException.ThrowIfNull(alertId);
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"CC-{year:0000}-{alertId[..6].ToUpperInvariant()}");
    }

    private static string Hash(string text)
    {
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        return Convert.ToHexStringLower(digest.AsSpan(0, 16));
    }
}
