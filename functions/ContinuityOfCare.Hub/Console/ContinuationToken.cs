namespace ContinuityOfCare.Hub.Console;

/// <summary>
/// The <c>after</c> query parameter of a list read by key range: the index key of the previous page's last row (due or
/// creation ticks and an id that is a hash or a code, never personal data). Anything else is ignored (page 1).
/// </summary>
public static class ContinuationToken
{
    /// <summary>The token of the request, or null when absent or not a token's shape.</summary>
    public static string? From(ConsoleRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Query("after") is { Length: > 0 and <= 250 } token && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.')
            ? token
            : null;
    }
}
