using ContinuityOfCare.Hub.Api;

namespace ContinuityOfCare.Hub.Console;

/// <summary>One request to a page of the console: who asks, what, and how to answer with the console's template.</summary>
/// <param name="Request">The request.</param>
/// <param name="User">The signed-in user.</param>
/// <param name="AntiForgeryToken">The user's anti-forgery token, for the page's forms.</param>
/// <param name="Section">The page's navigation entry.</param>
public sealed record ConsoleContext(ConsoleRequest Request, ConsoleUser User, string AntiForgeryToken, string Section)
{
    /// <summary>The path segments after the section (e.g. an id).</summary>
    public IReadOnlyList<string> Rest => [.. Request.Segments.Skip(1)];

    /// <summary>A page with the console's template.</summary>
    public HttpResponseOutput Page(string title, string main, int status = 200) =>
        ConsoleResponses.Html(ConsoleLayout.Page(title, Section, User, AntiForgeryToken, main), status);

    /// <summary>A POST form to <paramref name="action"/> with this user's anti-forgery token.</summary>
    public string Form(string action, string content) => Html.Form(action, AntiForgeryToken, content);

    /// <summary>404, the same page whether the record does not exist or belongs to another team (no existence leak).</summary>
    public HttpResponseOutput NotFound() => ConsolePages.NotFound(User, AntiForgeryToken);
}
