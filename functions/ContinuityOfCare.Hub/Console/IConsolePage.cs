using ContinuityOfCare.Hub.Api;

namespace ContinuityOfCare.Hub.Console;

/// <summary>A page of the console (one per navigation entry), with its sub-pages below its path.</summary>
public interface IConsolePage
{
    /// <summary>The first path segment the page answers (a <see cref="ConsoleLayout.Navigation"/> path).</summary>
    string Section { get; }

    /// <summary>True when only <c>hub.operator</c> may open it (others get 404).</summary>
    bool OperatorOnly { get; }

    /// <summary>Answers a GET.</summary>
    Task<HttpResponseOutput> GetAsync(ConsoleContext context, CancellationToken cancellationToken);

    /// <summary>Answers a POST whose anti-forgery token was checked (404 when the page takes none).</summary>
    Task<HttpResponseOutput> PostAsync(ConsoleContext context, CancellationToken cancellationToken);
}
