using ContinuityOfCare.Hub.Api;

namespace ContinuityOfCare.Hub.Console;

/// <summary>
/// The console's responses, each with the headers every console response carries: a strict Content-Security-Policy
/// (scripts, styles, fonts and images from the console itself only; no inline script or style; forms post only to the
/// console), <c>X-Content-Type-Options: nosniff</c>, <c>Referrer-Policy: no-referrer</c>, no framing, and
/// <c>Cache-Control: no-store</c> (pages show personal data: nothing is kept by a browser or proxy).
/// </summary>
public static class ConsoleResponses
{
    /// <summary>The Content-Security-Policy of every console page.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; connect-src 'self'; "
        + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    /// <summary>An HTML page.</summary>
    public static HttpResponseOutput Html(string html, int status = 200, string? setCookie = null) =>
        new(status, html, With(new Dictionary<string, string> { ["Content-Type"] = "text/html; charset=utf-8" }, setCookie));

    /// <summary>A 303 redirect (after a POST, or to the log-in page).</summary>
    public static HttpResponseOutput Redirect(string location, string? setCookie = null) =>
        new(303, null, With(new Dictionary<string, string> { ["Location"] = location }, setCookie));

    /// <summary>Another response (a download) with the console's headers added.</summary>
    public static HttpResponseOutput Secure(HttpResponseOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        return output with { Headers = With(new Dictionary<string, string>(output.Headers), null) };
    }

    private static Dictionary<string, string> With(Dictionary<string, string> headers, string? setCookie)
    {
        headers["Content-Security-Policy"] = ContentSecurityPolicy;
        headers["X-Content-Type-Options"] = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers["X-Frame-Options"] = "DENY";
        headers["Cache-Control"] = "no-store";
        headers["X-Robots-Tag"] = "noindex";
        if (setCookie is not null)
        {
            headers["Set-Cookie"] = setCookie;
        }

        return headers;
    }
}
