using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace ContinuityOfCare.Hub.Console;

/// <summary>
/// The markup of the GOV.UK Frontend and MoJ Frontend components the console uses, as their Nunjucks macros produce
/// it, built from strings: every piece of text passes <see cref="E"/> (HtmlEncoder) on its way in, so nothing a record
/// holds can become markup. No inline script or style attribute (the console's Content-Security-Policy forbids both).
/// </summary>
public static class Html
{
    /// <summary>Encodes text for an element's content or a quoted attribute.</summary>
    public static string E(string? text) => HtmlEncoder.Default.Encode(text ?? string.Empty);

    /// <summary>Encodes a number for display (thousands separators, invariant).</summary>
    public static string N(long value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    /// <summary>A heading and optional caption.</summary>
    public static string Heading(string text, string? caption = null) =>
        (caption is null ? "" : $"<span class=\"govuk-caption-l\">{E(caption)}</span>") + $"<h1 class=\"govuk-heading-l\">{E(text)}</h1>";

    /// <summary>A paragraph of text.</summary>
    public static string P(string text, string extraClass = "") => $"<p class=\"govuk-body {extraClass}\">{E(text)}</p>";

    /// <summary>A link.</summary>
    public static string Link(string href, string text, string? hiddenSuffix = null) =>
        $"<a class=\"govuk-link\" href=\"{E(href)}\">{E(text)}{(hiddenSuffix is null ? "" : $"<span class=\"govuk-visually-hidden\"> {E(hiddenSuffix)}</span>")}</a>";

    /// <summary>A tag (<c>govuk-tag</c>), coloured by <paramref name="colour"/> (grey, green, red, yellow, blue, orange…).</summary>
    public static string Tag(string text, string? colour = null) =>
        $"<strong class=\"govuk-tag{(colour is null ? "" : " govuk-tag--" + colour)}\">{E(text)}</strong>";

    /// <summary>A table; cells are markup already (encode text with <see cref="E"/>).</summary>
    public static string Table(string caption, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, IReadOnlySet<int>? numeric = null)
    {
        var html = new StringBuilder("<table class=\"govuk-table\"><caption class=\"govuk-table__caption govuk-table__caption--m\">")
            .Append(E(caption)).Append("</caption><thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">");
        for (var i = 0; i < headers.Count; i++)
        {
            html.Append("<th scope=\"col\" class=\"govuk-table__header").Append(numeric?.Contains(i) == true ? " govuk-table__header--numeric" : "")
                .Append("\">").Append(headers[i]).Append("</th>");
        }

        html.Append("</tr></thead><tbody class=\"govuk-table__body\">");
        var any = false;
        foreach (var row in rows)
        {
            any = true;
            html.Append("<tr class=\"govuk-table__row\">");
            for (var i = 0; i < row.Count; i++)
            {
                html.Append("<td class=\"govuk-table__cell").Append(numeric?.Contains(i) == true ? " govuk-table__cell--numeric" : "")
                    .Append("\">").Append(row[i]).Append("</td>");
            }

            html.Append("</tr>");
        }

        if (!any)
        {
            html.Append("<tr class=\"govuk-table__row\"><td class=\"govuk-table__cell\" colspan=\"")
                .Append(headers.Count.ToString(CultureInfo.InvariantCulture)).Append("\">None.</td></tr>");
        }

        return html.Append("</tbody></table>").ToString();
    }

    /// <summary>A summary list of key → value markup.</summary>
    public static string SummaryList(IEnumerable<(string Key, string ValueHtml)> rows, string extraClass = "")
    {
        var html = new StringBuilder($"<dl class=\"govuk-summary-list {extraClass}\">");
        foreach (var (key, value) in rows)
        {
            html.Append("<div class=\"govuk-summary-list__row\"><dt class=\"govuk-summary-list__key\">").Append(E(key))
                .Append("</dt><dd class=\"govuk-summary-list__value\">").Append(value).Append("</dd></div>");
        }

        return html.Append("</dl>").ToString();
    }

    /// <summary>A summary card: a titled summary list.</summary>
    public static string SummaryCard(string title, IEnumerable<(string Key, string ValueHtml)> rows) =>
        $"<div class=\"govuk-summary-card\"><div class=\"govuk-summary-card__title-wrapper\"><h2 class=\"govuk-summary-card__title\">{E(title)}</h2></div>"
        + $"<div class=\"govuk-summary-card__content\">{SummaryList(rows)}</div></div>";

    /// <summary>A POST form carrying the anti-forgery token.</summary>
    public static string Form(string action, string antiForgeryToken, string content, string extraClass = "") =>
        $"<form method=\"post\" action=\"{E(action)}\" novalidate class=\"{extraClass}\">"
        + $"<input type=\"hidden\" name=\"{AntiForgery.FieldName}\" value=\"{E(antiForgeryToken)}\">{content}</form>";

    /// <summary>A button.</summary>
    public static string Button(string text, string? variant = null, string? name = null, string? value = null) =>
        $"<button type=\"submit\" class=\"govuk-button{(variant is null ? "" : " govuk-button--" + variant)}\" data-module=\"govuk-button\""
        + (name is null ? "" : $" name=\"{E(name)}\" value=\"{E(value)}\"") + $">{E(text)}</button>";

    /// <summary>A text input with its label (and error message when <paramref name="error"/> is given).</summary>
    public static string Input(string id, string label, string? value = null, string type = "text", string? hint = null, string? error = null, string? autocomplete = null, int? width = null) =>
        $"<div class=\"govuk-form-group{(error is null ? "" : " govuk-form-group--error")}\"><label class=\"govuk-label\" for=\"{E(id)}\">{E(label)}</label>"
        + (hint is null ? "" : $"<div id=\"{E(id)}-hint\" class=\"govuk-hint\">{E(hint)}</div>")
        + (error is null ? "" : $"<p id=\"{E(id)}-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> {E(error)}</p>")
        + $"<input class=\"govuk-input{(width is { } w ? $" govuk-input--width-{w}" : "")}{(error is null ? "" : " govuk-input--error")}\" id=\"{E(id)}\" name=\"{E(id)}\" type=\"{type}\" value=\"{E(value)}\""
        + (autocomplete is null ? "" : $" autocomplete=\"{E(autocomplete)}\"")
        + (DescribedBy(id, hint, error) is { } by ? $" aria-describedby=\"{by}\"" : "") + "></div>";

    /// <summary>A textarea with its label.</summary>
    public static string Textarea(string id, string label, string? hint = null, string? error = null) =>
        $"<div class=\"govuk-form-group{(error is null ? "" : " govuk-form-group--error")}\"><label class=\"govuk-label\" for=\"{E(id)}\">{E(label)}</label>"
        + (hint is null ? "" : $"<div id=\"{E(id)}-hint\" class=\"govuk-hint\">{E(hint)}</div>")
        + (error is null ? "" : $"<p id=\"{E(id)}-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> {E(error)}</p>")
        + $"<textarea class=\"govuk-textarea{(error is null ? "" : " govuk-textarea--error")}\" id=\"{E(id)}\" name=\"{E(id)}\" rows=\"3\""
        + (DescribedBy(id, hint, error) is { } by ? $" aria-describedby=\"{by}\"" : "") + "></textarea></div>";

    /// <summary>A select with its label; <paramref name="options"/> are value → text.</summary>
    public static string Select(string id, string label, IEnumerable<(string Value, string Text)> options, string? selected)
    {
        var html = new StringBuilder($"<div class=\"govuk-form-group\"><label class=\"govuk-label\" for=\"{E(id)}\">{E(label)}</label>")
            .Append($"<select class=\"govuk-select\" id=\"{E(id)}\" name=\"{E(id)}\">");
        foreach (var (value, text) in options)
        {
            html.Append($"<option value=\"{E(value)}\"{(value == (selected ?? "") ? " selected" : "")}>{E(text)}</option>");
        }

        return html.Append("</select></div>").ToString();
    }

    /// <summary>The error summary at the top of a page whose form was refused.</summary>
    public static string ErrorSummary(IEnumerable<(string FieldId, string Message)> errors) =>
        "<div class=\"govuk-error-summary\" data-module=\"govuk-error-summary\"><div role=\"alert\"><h2 class=\"govuk-error-summary__title\">There is a problem</h2>"
        + "<div class=\"govuk-error-summary__body\"><ul class=\"govuk-list govuk-error-summary__list\">"
        + string.Concat(errors.Select(e => $"<li><a href=\"#{E(e.FieldId)}\">{E(e.Message)}</a></li>"))
        + "</ul></div></div></div>";

    /// <summary>A success notification banner.</summary>
    public static string Success(string heading) =>
        "<div class=\"govuk-notification-banner govuk-notification-banner--success\" role=\"alert\" aria-labelledby=\"govuk-notification-banner-title\" data-module=\"govuk-notification-banner\">"
        + "<div class=\"govuk-notification-banner__header\"><h2 class=\"govuk-notification-banner__title\" id=\"govuk-notification-banner-title\">Success</h2></div>"
        + $"<div class=\"govuk-notification-banner__content\"><p class=\"govuk-notification-banner__heading\">{E(heading)}</p></div></div>";

    /// <summary>An important-information notification banner.</summary>
    public static string Notice(string text) =>
        "<div class=\"govuk-notification-banner\" role=\"region\" aria-labelledby=\"notice-title\" data-module=\"govuk-notification-banner\">"
        + "<div class=\"govuk-notification-banner__header\"><h2 class=\"govuk-notification-banner__title\" id=\"notice-title\">Important</h2></div>"
        + $"<div class=\"govuk-notification-banner__content\"><p class=\"govuk-notification-banner__heading\">{E(text)}</p></div></div>";

    /// <summary>Previous/next pagination (<c>govuk-pagination</c>); a null link is left out.</summary>
    public static string Pagination(string? previous, string? next)
    {
        if (previous is null && next is null)
        {
            return string.Empty;
        }

        var html = new StringBuilder("<nav class=\"govuk-pagination govuk-pagination--block\" aria-label=\"Pagination\">");
        if (previous is not null)
        {
            html.Append($"<div class=\"govuk-pagination__prev\"><a class=\"govuk-link govuk-pagination__link\" href=\"{E(previous)}\" rel=\"prev\">")
                .Append("<svg class=\"govuk-pagination__icon govuk-pagination__icon--prev\" xmlns=\"http://www.w3.org/2000/svg\" height=\"13\" width=\"15\" aria-hidden=\"true\" focusable=\"false\" viewBox=\"0 0 15 13\"><path d=\"m6.5938-0.0078125-6.7266 6.7266 6.7441 6.4062 1.377-1.449-4.1856-3.9768h12.896v-2h-12.984l4.2931-4.293-1.414-1.414z\"></path></svg>")
                .Append("<span class=\"govuk-pagination__link-title\">Previous<span class=\"govuk-visually-hidden\"> page</span></span></a></div>");
        }

        if (next is not null)
        {
            html.Append($"<div class=\"govuk-pagination__next\"><a class=\"govuk-link govuk-pagination__link\" href=\"{E(next)}\" rel=\"next\">")
                .Append("<svg class=\"govuk-pagination__icon govuk-pagination__icon--next\" xmlns=\"http://www.w3.org/2000/svg\" height=\"13\" width=\"15\" aria-hidden=\"true\" focusable=\"false\" viewBox=\"0 0 15 13\"><path d=\"m8.107-0.0078125-1.4136 1.414 4.2926 4.293h-12.986v2h12.896l-4.1855 3.9766 1.377 1.4492 6.7441-6.4062-6.7246-6.7266z\"></path></svg>")
                .Append("<span class=\"govuk-pagination__link-title\">Next<span class=\"govuk-visually-hidden\"> page</span></span></a></div>");
        }

        return html.Append("</nav>").ToString();
    }

    /// <summary>
    /// The paging controls of a list read by continuation token: forward only, so "Previous" is the browser's back —
    /// except on page 2, whose previous page is <paramref name="firstPage"/> — and a "Back to the first page" link after it.
    /// </summary>
    public static string TokenPagination(int page, string firstPage, string? nextPage)
    {
        var html = Pagination(page == 2 ? firstPage : null, nextPage);
        return page > 2 ? html + "<p class=\"govuk-body\">" + Link(firstPage, "Back to the first page") + "</p>" : html;
    }

    private static string? DescribedBy(string id, string? hint, string? error)
    {
        var parts = new List<string>();
        if (hint is not null)
        {
            parts.Add(E(id) + "-hint");
        }

        if (error is not null)
        {
            parts.Add(E(id) + "-error");
        }

        return parts.Count == 0 ? null : string.Join(' ', parts);
    }
}
