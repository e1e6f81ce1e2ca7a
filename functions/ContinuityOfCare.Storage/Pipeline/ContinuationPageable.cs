using Azure;

namespace ContinuityOfCare.Storage.Pipeline;

/// <summary>
/// An <see cref="AsyncPageable{T}"/> that fetches one page at a time (lazily) from a continuation token until the
/// service returns none.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
internal sealed class ContinuationPageable<T>(
    Func<string?, int?, CancellationToken, Task<Page<T>>> fetchPage,
    CancellationToken cancellationToken) : AsyncPageable<T>(cancellationToken)
    where T : notnull
{
    /// <inheritdoc />
    public override async IAsyncEnumerable<Page<T>> AsPages(string? continuationToken = null, int? pageSizeHint = null)
    {
        var token = continuationToken;
        do
        {
            var page = await fetchPage(token, pageSizeHint, CancellationToken).ConfigureAwait(false);
            yield return page;
            token = page.ContinuationToken;
        }
        while (!string.IsNullOrEmpty(token));
    }
}
