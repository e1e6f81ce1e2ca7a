using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;

namespace ContinuityOfCare.Testing;

/// <summary>
/// An Azure SDK pipeline policy that records every storage request a client sends (method and path, no query or
/// body), so a test can count the requests one operation makes — e.g. "one query", "the table is created once".
/// Add it to a client's options (<c>options.AddPolicy(log, HttpPipelinePosition.PerCall)</c>).
/// </summary>
public sealed class StorageRequestLog : HttpPipelineSynchronousPolicy
{
    private readonly ConcurrentQueue<(string Method, string Path)> _requests = new();

    /// <summary>Every request recorded so far, oldest first.</summary>
    public IReadOnlyList<(string Method, string Path)> Requests => [.. _requests];

    /// <summary>How many recorded requests satisfy <paramref name="predicate"/>.</summary>
    public int Count(Func<(string Method, string Path), bool> predicate) => _requests.Count(predicate);

    /// <summary>Forgets what was recorded.</summary>
    public void Clear() => _requests.Clear();

    /// <summary>True for a request to the table <paramref name="table"/> (its rows, by query or by key).</summary>
    public static bool IsToTable((string Method, string Path) request, string table) =>
        request.Path.Contains("/" + table + "(", StringComparison.Ordinal) || request.Path.EndsWith("/" + table, StringComparison.Ordinal);

    /// <summary>True for a create-table request (<c>POST /Tables</c>).</summary>
    public static bool IsCreateTable((string Method, string Path) request) =>
        request.Method == "POST" && request.Path.EndsWith("/Tables", StringComparison.Ordinal);

    /// <inheritdoc />
    public override void OnSendingRequest(HttpMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        _requests.Enqueue((message.Request.Method.ToString(), message.Request.Uri.Path));
    }
}
