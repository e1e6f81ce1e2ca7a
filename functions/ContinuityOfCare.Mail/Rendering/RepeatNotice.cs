using ContinuityOfCare.Core.Time;
using NodaTime;

namespace ContinuityOfCare.Mail.Rendering;

/// <summary>
/// The line an automatic repeat carries (docs/email.md "The residual window"): the recipient may already hold a copy
/// from an attempt that got no reply, so the repeat says so, at the top, in words, with the same reference. Added to
/// the rendered bodies rather than to a template so every template version carries it the same way.
/// </summary>
public static class RepeatNotice
{
    /// <summary>
    /// The sentence, e.g. "This may repeat the form sent at 10:14 on Fri 11 Dec 2026 (UK time) with the same reference
    /// CC-2026-000123."; <paramref name="what"/> names what is repeated (an escalation is an "email", not a form).
    /// </summary>
    public static string Line(Instant firstAttempt, string reference, string what = "form")
    {
        var local = LondonTime.ToLocal(firstAttempt);
        return string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"This may repeat the {what} sent at {local:HH:mm} on {local:ddd d MMM yyyy} (UK time) with the same reference {reference}. If you already have it, you need do nothing more with this copy.");
    }

    /// <summary>Puts <paramref name="line"/> first in the plain text.</summary>
    public static string AddToText(string text, string line) => line + "\n\n" + text;

    /// <summary>Puts <paramref name="line"/> first inside <c>&lt;main&gt;</c> (else <c>&lt;body&gt;</c>) of the HTML.</summary>
    public static string AddToHtml(string html, string line)
    {
        ArgumentNullException.ThrowIfNull(html);
        var paragraph = $"\n<p class=\"repeat\"><strong>{HtmlFragments.Encode(line)}</strong></p>";
        foreach (var tag in new[] { "<main>", "<body>" })
        {
            var at = html.IndexOf(tag, StringComparison.OrdinalIgnoreCase);
            if (at >= 0)
            {
                return html.Insert(at + tag.Length, paragraph);
            }
        }

        return paragraph + html;
    }
}
