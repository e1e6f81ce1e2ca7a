using System.Text;
using static ContinuityOfCare.Hub.Console.Html;

namespace ContinuityOfCare.Hub.Console;

/// <summary>
/// The page template (GOV.UK Frontend's <c>template.njk</c> as it renders): skip link, service navigation with the
/// console's pages, the signed-in user with a sign-out form, main content, footer. GOV.UK Frontend is initialised by
/// the external module <c>console.js</c>, which also sets the <c>js-enabled</c> classes the template's inline snippet
/// would set (the Content-Security-Policy allows no inline script); without JavaScript every page still works.
/// </summary>
public static class ConsoleLayout
{
    /// <summary>The service's name.</summary>
    public const string ServiceName = "Continuity of Care hub";

    /// <summary>The console's pages in navigation order: path, label, operator only.</summary>
    public static IReadOnlyList<(string Path, string Label, bool OperatorOnly)> Navigation { get; } =
    [
        ("today", "Today", false),
        ("obligations", "Obligations", false),
        ("possible-matches", "Possible matches", false),
        ("tasks", "Tasks", false),
        ("clients", "Client timeline", false),
        ("directory", "Directory", true),
        ("compliance", "Compliance", false),
        ("operations", "Operations", true),
    ];

    /// <summary>A whole page.</summary>
    /// <param name="title">The page's title (also the browser title).</param>
    /// <param name="section">The navigation entry to mark current (a <see cref="Navigation"/> path), or null.</param>
    /// <param name="user">The signed-in user, or null on the log-in page.</param>
    /// <param name="antiForgeryToken">The user's token (for the sign-out form).</param>
    /// <param name="main">The main content's markup.</param>
    public static string Page(string title, string? section, ConsoleUser? user, string? antiForgeryToken, string main)
    {
        var html = new StringBuilder(8192);
        html.Append("<!DOCTYPE html><html lang=\"en\" class=\"govuk-template\"><head><meta charset=\"utf-8\">")
            .Append("<title>").Append(E(title)).Append(" – ").Append(E(ServiceName)).Append("</title>")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1, viewport-fit=cover\">")
            .Append("<meta name=\"theme-color\" content=\"#1d70b8\">")
            .Append($"<link rel=\"icon\" sizes=\"48x48\" href=\"{ConsolePaths.Assets}/images/favicon.ico\">")
            .Append($"<link rel=\"stylesheet\" href=\"{ConsolePaths.Assets}/govuk-frontend.min.css\">")
            .Append($"<link rel=\"stylesheet\" href=\"{ConsolePaths.Assets}/moj-frontend.min.css\">")
            .Append($"<link rel=\"stylesheet\" href=\"{ConsolePaths.Assets}/console.css\">")
            .Append($"<script type=\"module\" src=\"{ConsolePaths.Assets}/console.js\"></script>")
            .Append("</head><body class=\"govuk-template__body\">")
            .Append("<a href=\"#main-content\" class=\"govuk-skip-link\" data-module=\"govuk-skip-link\">Skip to main content</a>")
            .Append("<header class=\"app-header\">");
        html.Append("<section aria-label=\"Service information\" class=\"govuk-service-navigation\" data-module=\"govuk-service-navigation\">")
            .Append("<div class=\"govuk-width-container\"><div class=\"govuk-service-navigation__container\">")
            .Append($"<span class=\"govuk-service-navigation__service-name\"><a href=\"{ConsolePaths.To("today")}\" class=\"govuk-service-navigation__link\">{E(ServiceName)}</a></span>");
        if (user is not null)
        {
            html.Append("<nav aria-label=\"Menu\" class=\"govuk-service-navigation__wrapper\">")
                .Append("<button type=\"button\" class=\"govuk-service-navigation__toggle govuk-js-service-navigation-toggle\" aria-controls=\"navigation\" hidden>Menu</button>")
                .Append("<ul class=\"govuk-service-navigation__list\" id=\"navigation\">");
            foreach (var (path, label, operatorOnly) in Navigation.Where(n => user.IsOperator || !n.OperatorOnly))
            {
                var current = path == section;
                html.Append("<li class=\"govuk-service-navigation__item").Append(current ? " govuk-service-navigation__item--active" : "").Append("\">")
                    .Append($"<a class=\"govuk-service-navigation__link\" href=\"{ConsolePaths.To(path)}\"").Append(current ? " aria-current=\"page\"" : "").Append('>')
                    .Append(current ? $"<strong class=\"govuk-service-navigation__active-fallback\">{E(label)}</strong>" : E(label))
                    .Append("</a></li>");
            }

            html.Append("</ul></nav>");
        }

        html.Append("</div></div></section>");
        if (user is not null)
        {
            var who = user.IsOperator ? "hub operator" : "team member of " + string.Join(", ", user.Organisations.Order(StringComparer.Ordinal));
            html.Append("<div class=\"govuk-width-container app-user-bar\"><p class=\"govuk-body-s app-user-bar__text\">Signed in as ")
                .Append(E(user.Name)).Append(" (").Append(E(who)).Append(")</p>")
                .Append(Form(ConsolePaths.To("logout"), antiForgeryToken ?? string.Empty, Button("Sign out", "secondary"), "app-user-bar__form"))
                .Append("</div>");
        }

        html.Append("</header><div class=\"govuk-width-container\"><main class=\"govuk-main-wrapper\" id=\"main-content\">")
            .Append(main)
            .Append("</main></div><footer class=\"govuk-footer\"><div class=\"govuk-width-container\"><div class=\"govuk-footer__meta\">")
            .Append("<div class=\"govuk-footer__meta-item govuk-footer__meta-item--grow\"><p class=\"govuk-body-s\">Operator console of the ")
            .Append(E(ServiceName)).Append(". Times are Europe/London.</p></div></div></div></footer></body></html>");
        return html.ToString();
    }
}
