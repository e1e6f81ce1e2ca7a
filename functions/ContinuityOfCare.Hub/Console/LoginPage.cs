using ContinuityOfCare.Hub.Api;
using ContinuityOfCare.Hub.State;
using NodaTime;
using static ContinuityOfCare.Hub.Console.Html;

namespace ContinuityOfCare.Hub.Console;

/// <summary>
/// Signing in and out. Locally, a form taking the local runner's API key (the only secret a developer's hub has);
/// with App Service authentication, App Service's own sign-in (<c>/.auth/login/aad</c>). Sign-ins and sign-outs are
/// audited (who and when; never the key).
/// </summary>
public sealed class LoginPage(ConsoleAuthenticator authenticator, AntiForgery antiForgery, AuditStore audit, IClock clock)
{
    /// <summary>Where anonymous users are sent.</summary>
    public string Address => authenticator.Mode == ConsoleAuthentication.AppService
        ? "/.auth/login/aad?post_login_redirect_uri=" + Uri.EscapeDataString(ConsolePaths.To("today"))
        : ConsolePaths.To("login");

    /// <summary>The log-in form, with a fresh nonce cookie binding its anti-forgery token.</summary>
    public HttpResponseOutput Get(ConsoleRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (authenticator.Mode == ConsoleAuthentication.AppService)
        {
            return ConsoleResponses.Redirect(Address);
        }

        return Form(request, error: null, status: 200);
    }

    /// <summary>Checks the key; on success a session cookie and the Today page.</summary>
    public async Task<HttpResponseOutput> PostAsync(ConsoleRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (authenticator.Mode == ConsoleAuthentication.AppService)
        {
            return ConsolePages.NotFound(null, null);
        }

        if (!antiForgery.IsValidLogin(request))
        {
            return ConsolePages.FormRefused(null, null);
        }

        if (!authenticator.IsLocalKey(request.Field("apiKey")))
        {
            return Form(request, "Enter the hub's API key (LocalRunner__ApiKey; coc demo prints it)", 401);
        }

        var user = authenticator.LocalUser();
        var now = clock.GetCurrentInstant();
        await audit.AppendAsync(new AuditEntry("console-login:" + user.SessionId, now, user.Name, "console.signed-in", "console", user.Role), cancellationToken).ConfigureAwait(false);
        return ConsoleResponses.Redirect(ConsolePaths.To("today"), authenticator.SessionCookieFor(user, request.IsHttps));
    }

    /// <summary>Ends the session: the cookie is cleared.</summary>
    public HttpResponseOutput SignOut(ConsoleRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return authenticator.Mode == ConsoleAuthentication.AppService
            ? ConsoleResponses.Redirect("/.auth/logout")
            : ConsoleResponses.Redirect(ConsolePaths.To("login"), ConsoleAuthenticator.Cookie(ConsoleAuthenticator.SessionCookie, "", request.IsHttps, 0));
    }

    private HttpResponseOutput Form(ConsoleRequest request, string? error, int status)
    {
        var nonce = ConsoleSigner.NewId();
        var main = "<div class=\"govuk-grid-row\"><div class=\"govuk-grid-column-two-thirds\">"
            + (error is null ? "" : ErrorSummary([("apiKey", error)]))
            + Heading("Sign in")
            + P("Sign in with the hub's API key. The console then remembers you for this browser session.")
            + Html.Form(ConsolePaths.To("login"), antiForgery.LoginToken(nonce),
                Input("apiKey", "API key", type: "password", hint: "The local runner's key (LocalRunner__ApiKey)", error: error, autocomplete: "current-password")
                + Button("Sign in"))
            + "</div></div>";
        return ConsoleResponses.Html(ConsoleLayout.Page("Sign in", null, null, null, main), status,
            ConsoleAuthenticator.Cookie(AntiForgery.LoginNonceCookie, nonce, request.IsHttps, 1800));
    }
}
