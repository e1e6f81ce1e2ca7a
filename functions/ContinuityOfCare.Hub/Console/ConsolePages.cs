using ContinuityOfCare.Hub.Api;
using static ContinuityOfCare.Hub.Console.Html;

namespace ContinuityOfCare.Hub.Console;

/// <summary>The console's fixed pages: not found, refused form, storage unavailable.</summary>
public static class ConsolePages
{
    /// <summary>404 (also for another team's record and for a page the user's role does not have).</summary>
    public static HttpResponseOutput NotFound(ConsoleUser? user, string? token) =>
        ConsoleResponses.Html(ConsoleLayout.Page("Page not found", null, user, token,
            Heading("Page not found") + P("If you typed the web address, check it is correct. If you followed a link, the record may not exist or may belong to another team.")), 404);

    /// <summary>403: a POST without a valid anti-forgery token.</summary>
    public static HttpResponseOutput FormRefused(ConsoleUser? user, string? token) =>
        ConsoleResponses.Html(ConsoleLayout.Page("The form could not be accepted", null, user, token,
            Heading("The form could not be accepted") + P("The form had expired or did not come from this console. Nothing was changed. Go back, reload the page and try again.")), 403);

    /// <summary>503: storage did not answer.</summary>
    public static HttpResponseOutput StorageUnavailable(ConsoleUser? user, string? token) =>
        ConsoleResponses.Html(ConsoleLayout.Page("Sorry, there is a problem with the service", null, user, token,
            Heading("Sorry, there is a problem with the service") + P("The hub's storage did not answer. Nothing was changed. Try again later.")), 503);
}
