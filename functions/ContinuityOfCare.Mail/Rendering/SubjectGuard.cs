using System.Globalization;
using ContinuityOfCare.Core.Alerts;
using NodaTime;
using NodaTime.Text;

namespace ContinuityOfCare.Mail.Rendering;

/// <summary>
/// docs/domain.md "Consent and data minimisation": an email subject carries a reference, never a name, date of birth or
/// identifier. Checks a subject against the client's own strings — whole words for names, every common written form for
/// the date of birth, and separator-insensitive for identifiers.
/// </summary>
public static class SubjectGuard
{
    private static readonly string[] DatePatterns = ["uuuu-MM-dd", "dd/MM/uuuu", "d/M/uuuu", "dd-MM-uuuu", "dd.MM.uuuu", "d MMM uuuu", "d MMMM uuuu", "dd MMM uuuu", "ddd d MMM uuuu"];

    /// <summary>True when <paramref name="subject"/> contains none of the client's name parts, date of birth or identifiers.</summary>
    public static bool IsFreeOfPersonalData(string subject, AlertClientDetails client) => Findings(subject, client).Count == 0;

    /// <summary>
    /// Which kinds of personal data (<c>name</c>, <c>date of birth</c>, <c>identifier</c>) appear in the subject — the kinds
    /// only, never the values, so the result is safe to log.
    /// </summary>
    public static IReadOnlyList<string> Findings(string subject, AlertClientDetails client)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(client);
        var findings = new List<string>();
        if (client.Name is { } name && ContainsNamePart(subject, name))
        {
            findings.Add("name");
        }

        if (client.DateOfBirth is { } dateOfBirth && ContainsDate(subject, dateOfBirth))
        {
            findings.Add("date of birth");
        }

        if (ContainsToken(subject, client.ClientId)
            || new[] { client.Noms, client.Pnc }.Any(identifier => ContainsIdentifier(subject, identifier)))
        {
            findings.Add("identifier");
        }

        return findings;
    }

    private static bool ContainsNamePart(string subject, string name)
    {
        // Whole words, so a client called "Lee" does not block "HMP Leeds"; single letters (initials) are not names.
        var words = Words(subject);
        return Words(name).Where(part => part.Length > 1).Any(words.Contains);
    }

    private static HashSet<string> Words(string text)
    {
        // A word is a run of letters (apostrophes inside names such as O'Neil belong to the word).
        var words = new HashSet<string>(StringComparer.Ordinal);
        var current = new System.Text.StringBuilder();
        foreach (var c in text + " ")
        {
            if (char.IsLetter(c) || c is '\'' or '’')
            {
                current.Append(char.ToUpperInvariant(c));
            }
            else if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }

        return words;
    }

    private static bool ContainsDate(string subject, LocalDate date) =>
        DatePatterns.Any(pattern => subject.Contains(
            LocalDatePattern.Create(pattern, CultureInfo.InvariantCulture).Format(date), StringComparison.OrdinalIgnoreCase));

    private static bool ContainsIdentifier(string subject, string? identifier)
    {
        if (string.IsNullOrWhiteSpace(identifier))
        {
            return false;
        }

        // NOMS and PNC are written with and without separators ("2012/0123456X", "20120123456X"): compare both ways.
        var compactIdentifier = Compact(identifier);
        return ContainsToken(subject, identifier)
            || (compactIdentifier.Length >= 6 && Compact(subject).Contains(compactIdentifier, StringComparison.Ordinal));
    }

    private static bool ContainsToken(string subject, string? token)
    {
        // An opaque id is matched where it stands alone (not inside a longer run of letters or digits).
        if (string.IsNullOrWhiteSpace(token))
        {
            return false;
        }

        var trimmed = token.Trim();
        for (var start = subject.IndexOf(trimmed, StringComparison.OrdinalIgnoreCase);
             start >= 0;
             start = subject.IndexOf(trimmed, start + 1, StringComparison.OrdinalIgnoreCase))
        {
            var end = start + trimmed.Length;
            var boundedBefore = start == 0 || !char.IsLetterOrDigit(subject[start - 1]);
            var boundedAfter = end == subject.Length || !char.IsLetterOrDigit(subject[end]);
            if (boundedBefore && boundedAfter)
            {
                return true;
            }
        }

        return false;
    }

    private static string Compact(string text) =>
        string.Concat(text.Where(char.IsAsciiLetterOrDigit)).ToUpperInvariant();
}
