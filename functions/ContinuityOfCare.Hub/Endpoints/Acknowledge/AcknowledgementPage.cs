using System.Net;
using System.Text;

using ContinuityOfCare.Hub.Api;

namespace ContinuityOfCare.Hub.Endpoints.Acknowledge;

/// <summary>
/// The small HTML pages of the acknowledgement link. Every value is HTML-encoded; the pages name the obligation's rule,
/// what must be done and its due time, never a client. Headers keep the token out of caches, referrers and indexes and
/// allow nothing but the page's own form (CSP).
/// </summary>
public static class AcknowledgementPage
{
    /// <summary>The page shown for a valid, unused link: what will be recorded, and a button that POSTs to the same link.</summary>
    public static HttpResponseOutput Confirm(string rule, string mustDo, string dueLocal) => Page(
        200,
        "Confirm: this has been done",
        $"<p>You are about to record that this has been done:</p>"
        + $"<dl><dt>Obligation</dt><dd>{Encode(rule)}</dd><dt>What</dt><dd>{Encode(mustDo)}</dd><dt>Due</dt><dd>{Encode(dueLocal)} (London time)</dd></dl>"
        + "<form method=\"post\"><button type=\"submit\">Record as done</button></form>"
        + "<p>The link works once. Nothing is recorded until you press the button.</p>");

    /// <summary>After the POST recorded it.</summary>
    public static HttpResponseOutput Recorded(string rule, bool onTime) => Page(
        200,
        "Recorded: thank you",
        $"<p>The obligation <strong>{Encode(rule)}</strong> is recorded as done {(onTime ? "on time" : "late")}. Any escalation for it has stopped.</p>");

    /// <summary>The obligation was already fulfilled (by another link, the API, or later data).</summary>
    public static HttpResponseOutput AlreadyRecorded(string rule) => Page(
        200,
        "Already recorded",
        $"<p>The obligation <strong>{Encode(rule)}</strong> was already recorded as done. Nothing was changed.</p>");

    /// <summary>The obligation was cancelled (superseded): nothing to do.</summary>
    public static HttpResponseOutput NoLongerNeeded(string rule) => Page(
        409,
        "No longer needed",
        $"<p>The obligation <strong>{Encode(rule)}</strong> was cancelled because a later event replaced it. Nothing was changed.</p>");

    /// <summary>The link was used before.</summary>
    public static HttpResponseOutput AlreadyUsed() => Page(
        409,
        "This link has already been used",
        "<p>Each acknowledgement link works once, and this one has been used. Nothing was changed.</p>");

    /// <summary>The link is authentic but expired.</summary>
    public static HttpResponseOutput Expired() => Page(
        410,
        "This link has expired",
        "<p>Nothing was changed. Please record the obligation through your team's usual route, or ask the hub's operator for a new link.</p>");

    /// <summary>Forged, tampered, malformed or signed with a retired key: all look the same to the visitor.</summary>
    public static HttpResponseOutput Invalid() => Page(
        400,
        "This link is not valid",
        "<p>The link is incomplete or has been altered. Nothing was changed. Copy the whole link from the email, or ask the hub's operator.</p>");

    /// <summary>The link names no obligation the hub knows.</summary>
    public static HttpResponseOutput UnknownObligation() => Page(
        404,
        "Obligation not found",
        "<p>The hub has no record of the obligation this link refers to. Nothing was changed.</p>");

    /// <summary>Storage failed: nothing recorded, the link still works.</summary>
    public static HttpResponseOutput TryAgain() => Page(
        503,
        "Please try again",
        "<p>The hub could not record this just now. Nothing was changed and the link still works: please try again in a few minutes.</p>");

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static HttpResponseOutput Page(int status, string title, string body)
    {
        var html = new StringBuilder()
            .Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><meta name=\"robots\" content=\"noindex\">")
            .Append("<title>").Append(Encode(title)).Append(" – Continuity of Care hub</title>")
            .Append("<style>body{font-family:sans-serif;max-width:40em;margin:2em auto;padding:0 1em}dt{font-weight:bold}button{font-size:1.1em;padding:.5em 1em}</style>")
            .Append("</head><body><h1>").Append(Encode(title)).Append("</h1>")
            .Append(body)
            .Append("</body></html>")
            .ToString();
        return new HttpResponseOutput(status, html, new Dictionary<string, string>
        {
            ["Content-Type"] = "text/html; charset=utf-8",
            ["Cache-Control"] = "no-store",
            ["Referrer-Policy"] = "no-referrer",
            ["X-Robots-Tag"] = "noindex, nofollow",
            ["X-Content-Type-Options"] = "nosniff",
            ["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'",
        });
    }
}
