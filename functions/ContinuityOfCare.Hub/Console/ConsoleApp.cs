using ContinuityOfCare.Hub.Api;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ContinuityOfCare.Hub.Console;

/// <summary>
/// The operator console's entry point (docs/console.md), host-neutral like the API's endpoints: the function app's
/// console function hands it every request below <see cref="ConsolePaths.Root"/>. It identifies the user (anonymous →
/// the log-in page), checks the anti-forgery token of every POST, hides operator pages and other teams' records
/// behind 404, and answers storage failures with a 503 page.
/// </summary>
public sealed partial class ConsoleApp(
    ConsoleAuthenticator authenticator,
    AntiForgery antiForgery,
    LoginPage login,
    IEnumerable<IConsolePage> pages,
    ILogger<ConsoleApp> logger)
{
    /// <summary>Answers one request; <paramref name="path"/> is the part of the path below the console root.</summary>
    public async Task<HttpResponseOutput> HandleAsync(HttpTriggerInput input, string? path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.BodyOverCap || input.Body is { Length: > ApiRequest.MaxBodyBytes })
        {
            // The console's forms are a few fields; the API's body cap holds here too.
            return ConsoleResponses.Html(ConsoleLayout.Page("The form is too large", null, null, null,
                Html.Heading("The form is too large") + Html.P("Nothing was changed. Go back and shorten what you typed.")), 413);
        }

        var request = ConsoleRequest.From(input, path);
        var first = request.Segments.Count == 0 ? string.Empty : request.Segments[0];
        ConsoleUser? user = null;
        try
        {
            if (first == "login")
            {
                return request.IsPost ? await login.PostAsync(request, cancellationToken).ConfigureAwait(false) : login.Get(request);
            }

            user = authenticator.Identify(request);
            if (user is null)
            {
                return request.IsPost ? ConsolePages.FormRefused(null, null) : ConsoleResponses.Redirect(login.Address);
            }

            var token = antiForgery.TokenFor(user);
            if (request.IsPost && !antiForgery.IsValid(request, user))
            {
                return ConsolePages.FormRefused(user, token);
            }

            if (first.Length == 0)
            {
                return ConsoleResponses.Redirect(ConsolePaths.To("today"));
            }

            if (first == "logout" && request.IsPost)
            {
                return login.SignOut(request);
            }

            var page = pages.FirstOrDefault(p => p.Section == first);
            if (page is null || (page.OperatorOnly && !user.IsOperator))
            {
                return ConsolePages.NotFound(user, token);
            }

            var context = new ConsoleContext(request, user, token, first);
            return request.IsPost
                ? await page.PostAsync(context, cancellationToken).ConfigureAwait(false)
                : await page.GetAsync(context, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (StorageFailure.Find(exception) is { } failure && !cancellationToken.IsCancellationRequested)
        {
            LogStorageFailed(logger, first, failure.Status, failure.ErrorCode);
            return ConsolePages.StorageUnavailable(user, user is null ? null : antiForgery.TokenFor(user));
        }
    }

    [LoggerMessage(EventId = 6100, Level = LogLevel.Warning, Message = "console {Section}: storage failed with {Status} {ErrorCode}; answered 503")]
    private static partial void LogStorageFailed(ILogger logger, string section, int status, string? errorCode);
}
